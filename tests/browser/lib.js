// The harness of the browser journeys: one Chromium (Debian's, never a downloaded one), a page per
// journey logged in as a demo user, and the checks every step makes — no console error, no page
// error, no HTTP 5xx, no English msgid of the app in the Chinese UI — with a screenshot and the
// step's time in the output.
const fs = require("node:fs");
const path = require("node:path");
const assert = require("node:assert/strict");
const { chromium } = require("playwright-core");

const BASE_URL = process.env.FULIAN_BROWSER_URL || "http://127.0.0.1:8001";
const PASSWORD = process.env.FULIAN_DEMO_PASSWORD || "Fulian@2026";
const ADMIN_PASSWORD = process.env.FULIAN_ADMIN_PASSWORD || "admin";
const SHOTS = process.env.FULIAN_SCREENSHOTS || path.join(__dirname, "screenshots");
const WARM_LIMIT_MS = Number(process.env.FULIAN_WARM_LIMIT_MS || 2000);
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const login = (key) => `${key}@dongying.example`;

// English msgids of the app (fulian_grid/locale/main.pot) that must not show in the Chinese UI.
const MSGIDS = (() => {
	const pot = fs.readFileSync(path.join(__dirname, "../../fulian_grid/locale/main.pot"), "utf8");
	const ids = new Set();
	for (const [, id] of pot.matchAll(/^msgid "(.+)"$/gm)) {
		const text = id.replace(/\\"/g, '"');
		// words a Chinese page shows anyway (file types, units) are not evidence of a gap
		if (/[A-Za-z]{2}/.test(text) && !/\{\d\}/.test(text) && !["Word", "Excel", "ID"].includes(text)) {
			ids.add(text);
		}
	}
	return ids;
})();

let browser;
async function launch() {
	browser ??= await chromium.launch({
		executablePath: process.env.FULIAN_CHROMIUM || "/usr/bin/chromium",
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
	return browser;
}

async function close() {
	if (browser) await browser.close();
	browser = adminContext = undefined;
}

// A journey: a logged-in page whose problems are collected, and `step(name, fn)` to run a step.
async function journey(name, user, { viewport = DESKTOP } = {}) {
	const context = await (await launch()).newContext({ viewport, locale: "zh-CN", baseURL: BASE_URL });
	const problems = [];
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	page.on("console", (message) => {
		if (message.type() === "error") problems.push(`console error: ${message.text()}`);
	});
	page.on("pageerror", (error) =>
		problems.push(
			`page error: ${error.message} ${(error.stack || "").split("\n").slice(1, 4).join(" ")}`,
		),
	);
	page.on("response", (response) => {
		if (response.status() >= 500) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	// in the page: Chromium resolves *.localhost itself, Node's resolver may not
	await page.goto("/login");
	const status = await page.evaluate(
		([usr, pwd]) =>
			fetch("/api/method/login", {
				method: "POST",
				headers: { "Content-Type": "application/x-www-form-urlencoded" },
				body: new URLSearchParams({ usr, pwd }),
			}).then((r) => r.status),
		user === "Administrator" ? [user, ADMIN_PASSWORD] : [login(user), PASSWORD],
	);
	assert.equal(status, 200, `login of ${user}`);
	let index = 0;
	const slug = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
	fs.mkdirSync(SHOTS, { recursive: true });

	// `expect`: patterns of the console errors this step provokes on purpose (a refusal's 403)
	// `readme`: with FULIAN_README_SCREENSHOTS=1 the step's screenshot also goes to docs/ (README)
	async function step(title, fn, { warm = false, expect = [], readme } = {}) {
		const started = Date.now();
		let result;
		try {
			result = await fn();
			await settle(page);
		} catch (error) {
			// the page as the step left it, for whoever reads the failure
			await page.screenshot({ path: path.join(SHOTS, `${slug}-failed.png`) }).catch(() => {});
			throw error;
		}
		const ms = Date.now() - started;
		index += 1;
		const file = path.join(SHOTS, `${slug}-${String(index).padStart(2, "0")}.png`);
		await page.screenshot({ path: file, fullPage: false });
		if (readme && process.env.FULIAN_README_SCREENSHOTS === "1") {
			fs.copyFileSync(file, path.join(__dirname, "../../docs", `screenshot-${readme}.png`));
		}
		const english = await untranslated(page);
		console.log(`    ${name} · ${title}: ${ms} ms${warm ? " (warm)" : ""}`);
		const found = problems.splice(0).filter((p) => !expect.some((pattern) => pattern.test(p)));
		assert.deepEqual(found, [], `${title}: console, page or server errors`);
		assert.deepEqual(english, [], `${title}: English app strings in the Chinese UI`);
		if (warm) assert.ok(ms <= WARM_LIMIT_MS, `${title}: ${ms} ms warm, more than ${WARM_LIMIT_MS} ms`);
		return result;
	}
	// A list or form opened (cold), then again as the user comes back to it: warm, within the limit.
	async function warm(title, route) {
		await step(`${title} (cold)`, () => open(page, route));
		let ms;
		await step(title, async () => {
			ms = await reopen(page, route);
		});
		console.log(`    ${name} · ${title}: ${ms} ms warm`);
		assert.ok(ms <= WARM_LIMIT_MS, `${title}: ${ms} ms warm, more than ${WARM_LIMIT_MS} ms`);
	}
	return { page, context, step, warm, problems, close: () => context.close() };
}

// Wait until Frappe has had no request in flight for a moment (renders follow their requests).
async function settle(page, idle_ms = 300) {
	await page.waitForLoadState("load");
	await page.evaluate(() => (window.__busy_at = Date.now()));
	await page.waitForFunction(
		(idle_ms) => {
			const idle = !window.frappe || !frappe.request || !frappe.request.ajax_count;
			const now = Date.now();
			if (!idle) window.__busy_at = now;
			return idle && now - (window.__busy_at || 0) > idle_ms;
		},
		idle_ms,
		{ timeout: 30000, polling: 50 },
	);
}

// Visible text pieces equal to an English msgid of the app.
async function untranslated(page) {
	const pieces = await page.evaluate(() => {
		const out = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			if (!element || !element.offsetParent || ["SCRIPT", "STYLE"].includes(element.tagName)) continue;
			for (const piece of node.textContent.split(/[,，:：|·\n()（）]/)) {
				const text = piece.trim();
				if (/[A-Za-z]{2}/.test(text)) out.push(text);
			}
		}
		for (const input of document.querySelectorAll("input, textarea")) {
			if (input.offsetParent && input.value) out.push(input.value.trim());
			if (input.offsetParent && input.placeholder) out.push(input.placeholder.trim());
		}
		return out;
	});
	return [...new Set(pieces.filter((text) => MSGIDS.has(text)))];
}

// Go to a desk route and wait for Frappe to render it.
async function open(page, route) {
	await page.goto(route.startsWith("/") ? route : `/app/${route}`);
	await page.waitForFunction(() => window.frappe && frappe.container && frappe.container.page, null, {
		timeout: 30000,
	});
	await settle(page);
}

// Within the desk, as a user moves on: the route again after another page (a warm list or form).
async function reopen(page, route) {
	// the workspace's cards and charts load in waves after it renders: let them all finish, so
	// the time measured is the route's own
	await page.evaluate(() => frappe.set_route("fulian-grid"));
	await settle(page, 1500);
	const started = Date.now();
	await page.evaluate((r) => frappe.set_route(r), route);
	await page.waitForFunction((r) => decodeURIComponent(location.pathname) === `/app/${r}`, route);
	await settle(page);
	return Date.now() - started;
}

// Frappe's call from inside the page (as the logged-in user), resolving to `message`.
function call(page, method, args = {}) {
	return page.evaluate(([m, a]) => frappe.xcall(m, a), [method, args]);
}

async function noHorizontalOverflow(page) {
	const { scroll, width } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		width: window.innerWidth,
	}));
	assert.ok(scroll <= width + 1, `the page scrolls sideways: ${scroll} px wide in a ${width} px window`);
}

// Every visible button of the current page lies within the window's width.
async function buttonsReachable(page) {
	const off = await page.evaluate(() =>
		[
			...document.querySelectorAll(
				".page-container:not([style*='display: none']) button, .page-container a.btn",
			),
		]
			.filter((b) => b.offsetParent && b.getBoundingClientRect().width > 0)
			.filter((b) => {
				const r = b.getBoundingClientRect();
				// reached by scrolling a table wrapper, or in the side bar the menu button slides in
				const elsewhere = b.closest(".table-responsive, .form-grid, .layout-side-section");
				return (r.left < 0 || r.right > window.innerWidth + 1) && !elsewhere;
			})
			.map((b) => b.innerText.trim() || b.getAttribute("data-label") || b.className),
	);
	assert.deepEqual(off, [], "buttons outside the window");
}

// A call as Administrator, outside any journey: to find records a journey's user may not see.
let adminContext;
async function asAdministrator(method, args = {}) {
	if (!adminContext) {
		adminContext = await (await launch()).newContext({ baseURL: BASE_URL });
		const page = await adminContext.newPage();
		await page.goto("/login");
		await page.evaluate(
			(pwd) =>
				fetch("/api/method/login", {
					method: "POST",
					headers: { "Content-Type": "application/x-www-form-urlencoded" },
					body: new URLSearchParams({ usr: "Administrator", pwd }),
				}),
			ADMIN_PASSWORD,
		);
	}
	const page = adminContext.pages()[0];
	return page.evaluate(
		([m, a]) =>
			fetch(
				`/api/method/${m}?` +
					new URLSearchParams(
						Object.entries(a).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
					),
				{ headers: { Accept: "application/json" } },
			)
				.then((r) => r.json())
				.then((r) => r.message),
		[method, args],
	);
}

// A write as Administrator (POST, with the desk's CSRF token): test fixtures a journey needs.
async function asAdministratorPost(method, args = {}) {
	await asAdministrator("frappe.auth.get_logged_user"); // logs in once
	const page = adminContext.pages()[0];
	if (!page.url().includes("/app")) {
		await page.goto("/app");
		await page.waitForFunction(() => window.frappe && frappe.csrf_token);
	}
	return page.evaluate(
		([m, a]) =>
			fetch(`/api/method/${m}`, {
				method: "POST",
				headers: {
					Accept: "application/json",
					"Content-Type": "application/json",
					"X-Frappe-CSRF-Token": frappe.csrf_token,
				},
				body: JSON.stringify(a),
			})
				.then((r) => r.json())
				.then((r) => r.message),
		[method, args],
	);
}

module.exports = {
	PASSWORD,
	asAdministrator,
	asAdministratorPost,
	assert,
	BASE_URL,
	DESKTOP,
	PHONE,
	journey,
	open,
	reopen,
	call,
	settle,
	close,
	login,
	untranslated,
	noHorizontalOverflow,
	buttonsReachable,
};

// --- form helpers ------------------------------------------------------------------------------

const control = (page, fieldname, scope = "body") =>
	page.locator(`${scope} .frappe-control[data-fieldname="${fieldname}"]:visible`).first();

// Type into a Link field and return the texts of the suggestions offered.
async function linkOptions(page, fieldname, text, scope) {
	const input = control(page, fieldname, scope).locator("input");
	// the suggestions of the whole text, not of a keystroke before it
	const searched = page.waitForResponse(
		(r) =>
			r.url().includes("search_link") &&
			new URLSearchParams(r.request().postData() || "").get("txt") === text,
	);
	await input.click();
	await input.fill("");
	await input.pressSequentially(text, { delay: 20 });
	await searched;
	const list = control(page, fieldname, scope).locator("ul[role=listbox] > *:not(.hide)");
	await list.first().waitFor();
	await settle(page);
	return (await list.allInnerTexts()).map((t) => t.trim());
}

// Type into a Link field and pick the first suggestion that contains `choice` (default: the text).
async function pickLink(page, fieldname, text, choice = text, scope) {
	const options = await linkOptions(page, fieldname, text, scope);
	const index = options.findIndex((o) => o.includes(choice));
	assert.ok(index >= 0, `${fieldname}: no suggestion with ${choice} among ${JSON.stringify(options)}`);
	await control(page, fieldname, scope).locator("ul[role=listbox] > *:not(.hide)").nth(index).click();
	await settle(page);
	// the picked value searches again and its list stays open over the fields below, as it does
	// for a person, until she clicks elsewhere
	const list = control(page, fieldname, scope).locator("ul[role=listbox]");
	if (await list.isVisible()) {
		await page
			.locator(scope === "body" || !scope ? ".page-head:visible .title-text" : `${scope} .modal-title`)
			.first()
			.click();
		await list.waitFor({ state: "hidden" });
	}
	return options;
}

async function fill(page, fieldname, value, scope) {
	const input = control(page, fieldname, scope).locator("input, textarea, select").first();
	await input.fill(String(value));
	await input.blur();
	// Frappe applies a typed value to the form's model after a debounce: wait for it, or a save
	// right after (on a busy machine) goes without it and leaves the form dirty
	if (!scope) {
		await page.waitForFunction(
			([name, text]) => cur_frm && String(cur_frm.doc[name] ?? "") === text,
			[fieldname, String(value)],
		);
	}
	await settle(page);
}

const doc = (page) => page.evaluate(() => cur_frm && JSON.parse(JSON.stringify(cur_frm.doc)));

// Ctrl+S on the current form; resolves to the saved document.
async function save(page) {
	// A control's debounced change can land after the save's refresh and leave the form dirty (seen
	// at phone size on a busy machine, issue noted for a root cause): then it is saved once more.
	for (let attempt = 0; attempt < 2; attempt += 1) {
		const before = await page.evaluate(() => cur_frm.doc.modified || "");
		await page.keyboard.press("Control+s");
		await page.waitForFunction(
			(was) => cur_frm && !cur_frm.is_new() && !cur_frm.saving && cur_frm.doc.modified !== was,
			before,
		);
		await settle(page, 600);
		if (!(await page.evaluate(() => cur_frm.is_dirty()))) break;
	}
	return doc(page);
}

// Click a button of the page head by its (Chinese) label.
async function clickButton(page, label) {
	await page
		.locator(
			`.page-head:visible button:has-text("${label}"), .page-head:visible .btn:has-text("${label}")`,
		)
		.first()
		.click();
	await settle(page);
}

// Confirm Frappe's yes/no dialog.
async function confirm(page) {
	await page.locator(".modal:visible .btn-primary").last().click();
	await settle(page);
}

// A workflow action from the form's 操作 menu.
async function workflowAction(page, action) {
	await page
		.locator('.page-head:visible .actions-btn-group button, .page-head:visible button:has-text("操作")')
		.first()
		.click();
	await page.locator(`.page-head:visible .dropdown-menu:visible a:has-text("${action}")`).first().click();
	await settle(page);
}

module.exports.forms = {
	control,
	linkOptions,
	pickLink,
	fill,
	doc,
	save,
	clickButton,
	confirm,
	workflowAction,
};
