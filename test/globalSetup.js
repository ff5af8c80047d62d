// The product runs in the script time zone (appsscript.json); tests run in the same zone.
module.exports = async () => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
};
