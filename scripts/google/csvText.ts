/**
 * src/domain embeds indicators.csv as text (esbuild's text loader in the bundle, a transform under
 * jest). Under tsx, Node would parse it as JavaScript, so load .csv files as text before any module
 * of src/domain that needs the catalogue is required. Import this module first.
 */
import fs from 'node:fs';

const extensions = (require as NodeJS.Require | undefined)?.extensions;
if (extensions && !extensions['.csv']) {
  extensions['.csv'] = (module, filename) => {
    module.exports = fs.readFileSync(filename, 'utf8');
  };
}
