declare module 'gas-local' {
  /** Loads every .js file of a folder into a vm context whose global object is `globalObject`. */
  type GasRequire = (
    folderPath: string,
    globalObject?: object,
    options?: { filter?: (file: string) => boolean },
  ) => Record<string, unknown>;
  const gasLocal: { require: GasRequire; globalMockDefault: object };
  export default gasLocal;
}
