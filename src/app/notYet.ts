/**
 * Entry points whose features are planned but not built yet answer with a clear message instead of
 * doing something half-way.
 */
export function notYetAvailable(feature: string): never {
  throw new Error(`Chức năng "${feature}" chưa có trong phiên bản này; sẽ có trong bản cập nhật tới.`);
}
