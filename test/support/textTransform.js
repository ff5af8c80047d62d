// Jest transform: a data file imported by src/ becomes its text, as esbuild's text loader does.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
