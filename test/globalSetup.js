// Runs once before all test files: the product runs in the script time zone (appsscript.json), and
// the integration tests load the bundle that `clasp push` would deploy, so build it first (once,
// here, rather than racing from parallel test files).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('tsx/cli', { paths: [root] }), 'scripts/build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
};
