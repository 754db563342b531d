// The first load of /fulian on a throttled phone (README, 网格随手记): 4x CPU slowdown, DevTools' "Fast 3G",
// HTTP cache disabled; three loads (the first before the service worker is installed).
//   cd tests/browser && FULIAN_BROWSER_URL=http://SITE:PORT node measure-first-load.js
const { chromium } = require("playwright-core");
(async () => {
	const browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu"],
	});
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		baseURL: process.env.FULIAN_BROWSER_URL,
	});
	const page = await context.newPage();
	await page.goto("/login");
	await page.evaluate(() =>
		fetch("/api/method/login", {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams({ usr: "worker@dongying.example", pwd: "Fulian@2026" }),
		}),
	);
	const cdp = await context.newCDPSession(page);
	await cdp.send("Network.enable");
	await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
	await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
	// DevTools' "Fast 3G": 562.5 ms RTT, 1.44 Mbps down, 675 kbps up
	await cdp.send("Network.emulateNetworkConditions", {
		offline: false,
		latency: 562.5,
		downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
		uploadThroughput: ((750 * 1024) / 8) * 0.9,
	});
	for (let run = 0; run < 3; run++) {
		const started = Date.now();
		await page.goto("/fulian/visits");
		await page.locator('[data-testid="visit-row"]').first().waitFor({ timeout: 30000 });
		console.log(
			`first load of /fulian/visits (cache disabled, 4x CPU, Fast 3G): ${Date.now() - started} ms`,
		);
	}
	await browser.close();
})();
