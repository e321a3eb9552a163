// `npm start` on Linux passes `--server-type http` to webpack serve; webpack-cli merges that flag
// into the config only when `devServer.server` is an object ("Unexpected non object in path
// 'http'" otherwise), which stopped the preview from starting.
import path from "path";

test("the dev server's transport is an object webpack-cli can merge start.js's flags into", () => {
  const before = { serve: process.env.WEBPACK_SERVE, https: process.env.LOSSDESK_HTTPS };
  process.env.WEBPACK_SERVE = "true";
  process.env.LOSSDESK_HTTPS = "0";
  try {
    const config = require(path.join(__dirname, "..", "webpack.config.js"))({}, { mode: "development" });
    expect(config.devServer.server).toEqual({ type: "http" });
    expect(config.devServer.host).toBe("127.0.0.1");
    expect(config.devServer.port).toBe(3000);
  } finally {
    if (before.serve === undefined) delete process.env.WEBPACK_SERVE; else process.env.WEBPACK_SERVE = before.serve;
    if (before.https === undefined) delete process.env.LOSSDESK_HTTPS; else process.env.LOSSDESK_HTTPS = before.https;
  }
});
