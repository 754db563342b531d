// Preloaded into Frappe's realtime server (node -r): it authenticates each socket by calling the
// site at the socket's origin, e.g. http://j-test-browser.localhost:8001. Chromium resolves every
// *.localhost name to the loopback address itself; Node asks the system, which may not.
const dns = require("node:dns");
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
	if (typeof hostname === "string" && hostname.endsWith(".localhost")) {
		if (typeof options === "function") [callback, options] = [options, {}];
		const all = typeof options === "object" && options.all;
		return process.nextTick(() =>
			all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4),
		);
	}
	return lookup.call(this, hostname, options, callback);
};
