/** Data files embedded in the bundle as text (esbuild's text loader; a jest transform in tests). */
declare module '*.csv' {
  const text: string;
  export default text;
}
