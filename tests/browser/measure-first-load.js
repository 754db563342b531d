// The first load of /fulian on a throttled phone (issue 16's budget: ≤ 3 s to interactive): 390×844,
// 4× CPU slowdown, DevTools' "Fast 3G", HTTP cache disabled. "Interactive" is the moment the first
// visit row of 今日走访 is drawn (it is a link: a tap on it works from then on).
//   cold: three fresh browser contexts (no service worker, no cache, a new connection each time);
//   warm: two more loads in the last context, once its service worker has precached the app.
// The first cold load is printed as a waterfall (navigation and resource timing, first paint), the
// trace this budget is judged by. scripts/measure-first-load.sh runs it behind nginx as in production.
//   cd tests/browser && FULIAN_BROWSER_URL=http://SITE:PORT node measure-first-load.js
const { chromium } = require("playwright-core");

const USER = process.env.FULIAN_MEASURE_USER || "worker@dongying.example";
const PASSWORD = process.env.FULIAN_DEMO_PASSWORD || "Fulian@2026";
const ROUTE = "/fulian/visits";

async function throttled(context, page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send("Network.enable");
	await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
	await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
	// DevTools' "Fast 3G" preset: 562.5 ms RTT, 1.44 Mbps down, 675 kbps up
	await cdp.send("Network.emulateNetworkConditions", {
		offline: false,
		latency: 562.5,
		downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
		uploadThroughput: ((750 * 1024) / 8) * 0.9,
	});
}

// A context with her session and nothing else: logged in from another context, so the measured one
// opens its own connections (a phone opening the app cold has none either).
async function loggedIn(browser) {
	const options = {
		viewport: { width: 390, height: 844 },
		baseURL: process.env.FULIAN_BROWSER_URL,
		ignoreHTTPSErrors: true, // scripts/measure-first-load.sh with TLS uses a self-signed certificate
	};
	const login = await browser.newContext(options);
	const page = await login.newPage();
	await page.goto("/api/method/ping");
	const status = await page.evaluate(
		([usr, pwd]) =>
			fetch("/api/method/login", {
				method: "POST",
				headers: { "Content-Type": "application/x-www-form-urlencoded" },
				body: new URLSearchParams({ usr, pwd }),
			}).then((r) => r.status),
		[USER, PASSWORD],
	);
	if (status !== 200) throw new Error(`login as ${USER}: HTTP ${status}`);
	const cookies = await login.cookies();
	await login.close();
	const context = await browser.newContext(options);
	await context.addCookies(cookies);
	return { context, page: await context.newPage() };
}

async function load(page) {
	const started = Date.now();
	await page.goto(ROUTE);
	await page.locator('[data-testid="visit-row"]').first().waitFor({ timeout: 60000 });
	return Date.now() - started;
}

function waterfall(page) {
	return page.evaluate(() => {
		const nav = performance.getEntriesByType("navigation")[0];
		const paint = performance.getEntriesByName("first-contentful-paint")[0];
		const rows = [[nav.name, 0, nav.responseStart, nav.responseEnd, nav.encodedBodySize]];
		for (const r of performance.getEntriesByType("resource"))
			rows.push([r.name, r.startTime, r.responseStart, r.responseEnd, r.encodedBodySize]);
		const short = (url) => url.replace(location.origin, "");
		return [
			"  start  first byte  done   bytes on the wire  request",
			...rows.map(
				([name, start, first, end, size]) =>
					`  ${String(Math.round(start)).padStart(5)}  ${String(Math.round(first)).padStart(10)}  ${String(Math.round(end)).padStart(5)}  ${String(size).padStart(17)}  ${short(name)}`,
			),
			`  first contentful paint: ${paint ? Math.round(paint.startTime) : "?"} ms;` +
				` DOMContentLoaded: ${Math.round(nav.domContentLoadedEventEnd)} ms`,
		].join("\n");
	});
}

(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.FULIAN_CHROMIUM || "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors"],
	});
	const cold = [];
	let last;
	for (let run = 0; run < 3; run++) {
		if (last) await last.context.close();
		last = await loggedIn(browser);
		await throttled(last.context, last.page);
		cold.push(await load(last.page));
		if (run === 0)
			console.log(
				`waterfall of the first cold load (ms from navigation start):\n${await waterfall(last.page)}`,
			);
	}
	// the service worker has precached the app by now (give it the time it needs on Fast 3G)
	await last.page
		.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 })
		.catch(() => {});
	const warm = [await load(last.page), await load(last.page)];
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	console.log(
		`cold first load of ${ROUTE} (4x CPU, Fast 3G, no cache, no service worker): ${cold.join(", ")} ms; median ${median(cold)} ms`,
	);
	console.log(`warm load (service worker): ${warm.join(", ")} ms`);
	await browser.close();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
