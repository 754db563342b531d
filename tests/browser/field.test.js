// Tier 3: 网格随手记, the field app at /fulian, on a phone (390×844): a grid worker's visit, quick
// report with a child victim, her reports, a service request taken and closed; an executive's
// milestone; then the same offline (Playwright's context.setOffline) and back online — one record
// each, nothing lost, nothing doubled, a stale change shown as a conflict, nothing of hers left on
// the phone after logout.
const { test, after, before } = require("node:test");
const lib = require("./lib");
const { assert, journey, settle } = lib;

let adminBrowser; // the administrator's own browser (the set-up in `before`), closed with the journeys'
after(async () => {
	await lib.close();
	if (adminBrowser) await adminBrowser.close();
});

const GRID = "37050200100101"; // the demo worker's grid (fulian_grid.demo.users)
const WORKER = lib.login("worker");
const VICTIM = `秦小禾${Date.now() % 100000}`; // a child victim's name, fresh on every run
const OFFLINE_VICTIM = `岳秘兰${Date.now() % 100000}`;
const OFFLINE = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/];

// A call in the page as its user, through the session (POST with the page's CSRF token).
function post(page, method, args = {}) {
	return page.evaluate(
		async ([m, a]) => {
			const r = await fetch(`/api/method/${m}`, {
				method: "POST",
				headers: {
					"Content-Type": "application/json",
					Accept: "application/json",
					"X-Frappe-CSRF-Token": window.csrf_token || "",
				},
				body: JSON.stringify(a),
			});
			return (await r.json()).message;
		},
		[method, args],
	);
}

const count = (page, doctype, filters) => post(page, "frappe.client.get_count", { doctype, filters });

async function openApp(page, route = "/fulian/visits") {
	await page.goto(route);
	await page.locator("main").waitFor();
	await settle(page, 500);
}

// everything the phone keeps in IndexedDB, as text
function phoneStorage(page) {
	return page.evaluate(async () => {
		const dump = [];
		for (const { name } of await indexedDB.databases()) {
			const db = await new Promise((ok, ko) =>
				Object.assign(indexedDB.open(name), { onsuccess: (e) => ok(e.target.result), onerror: ko }),
			);
			for (const store of db.objectStoreNames) {
				const rows = await new Promise((ok) =>
					Object.assign(db.transaction(store).objectStore(store).getAll(), {
						onsuccess: (e) => ok(e.target.result),
					}),
				);
				dump.push(JSON.stringify(rows));
			}
			db.close();
		}
		return dump.join("\n");
	});
}

// the drafts still queued on the phone (IndexedDB, src/store.js)
const draftsKept = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open("fulian-field-drafts");
				open.onerror = reject;
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction("drafts").objectStore("drafts").count();
					all.onsuccess = () => {
						resolve(all.result);
						db.close();
					};
				};
			}),
	);

// A photo as the phone's camera gives it (a JPEG drawn in the page), as bytes for the file input.
async function cameraPhoto(page) {
	const base64 = await page.evaluate(() => {
		const canvas = Object.assign(document.createElement("canvas"), { width: 1200, height: 900 });
		const g = canvas.getContext("2d");
		g.fillStyle = "#c8102e";
		g.fillRect(0, 0, 1200, 900);
		g.fillStyle = "#fff";
		g.fillRect(300, 200, 600, 500);
		return canvas.toDataURL("image/jpeg", 0.9).split(",")[1];
	});
	return Buffer.from(base64, "base64");
}

// the visit's attachments, as she may list them (Frappe's File, scoped like the visit)
const attachments = (page, visit) =>
	post(page, "frappe.client.get_list", {
		doctype: "File",
		filters: { attached_to_doctype: "Home Visit", attached_to_name: visit },
		fields: ["file_url", "is_private"],
	});

async function phoneChecks(page) {
	await lib.noHorizontalOverflow(page);
}

// A team the worker leads in her grid, and a request of her grid it is told of (as an
// administrator would set it up on the desk).
let admin;
async function newRequest(title) {
	return admin.evaluate(
		([doc]) =>
			frappe
				.xcall("frappe.client.insert", { doc })
				.then((d) => ({ name: d.name, modified: d.modified })),
		[
			{
				doctype: "Service Request",
				request_title: title,
				governance_grid: GRID,
				need_kind: "Care for the Elderly and Children",
				urgency: "Urgent",
				needed_by: new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10),
			},
		],
	);
}

before(async () => {
	adminBrowser = await require("playwright-core").chromium.launch({
		executablePath: process.env.FULIAN_CHROMIUM || "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu"],
	});
	const context = await adminBrowser.newContext({ baseURL: lib.BASE_URL });
	admin = await context.newPage();
	await admin.goto("/login");
	await admin.evaluate(() =>
		fetch("/api/method/login", {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams({ usr: "Administrator", pwd: "admin" }),
		}),
	);
	await admin.goto("/app/fulian-grid");
	await admin.waitForFunction(() => window.frappe && frappe.xcall);
	const insert = (doc) =>
		admin.evaluate((d) => frappe.xcall("frappe.client.insert", { doc: d }).then((r) => r.name), doc);
	const existing = await admin.evaluate(() =>
		frappe.xcall("frappe.client.get_list", {
			doctype: "Volunteer Team",
			filters: { team_name: "盛园一网格外勤队" },
			pluck: "name",
		}),
	);
	if (!existing.length) {
		const leader = await insert({
			doctype: "Fulian Volunteer",
			volunteer_name: "女网格员（外勤）",
			governance_grid: GRID,
			user: WORKER,
		});
		await insert({
			doctype: "Volunteer Team",
			team_name: "盛园一网格外勤队",
			governance_grid: GRID,
			leader,
		});
	}
});

test("7 field app: a grid worker's day on her phone — visit, quick report, my reports, a service request", async () => {
	const j = await journey("7-field-worker", "worker", { viewport: lib.PHONE });
	const { page, step } = j;
	const request = await newRequest("独居老人需要陪同就医");
	await step("今日走访: her entries, overdue first", () => openApp(page), { readme: "pwa-visits" });
	const rows = page.locator('[data-testid="visit-row"]');
	assert.ok((await rows.count()) > 0, "entries to visit");
	await phoneChecks(page);
	const entry = (await rows.first().getAttribute("href")).split("/").pop();
	const visitsBefore = await count(page, "Home Visit", { screening_ledger: entry });
	// the phone knows where it is; the app asks only when she ticks the box for this visit
	await j.context.grantPermissions(["geolocation"]);
	await j.context.setGeolocation({ latitude: 37.461234, longitude: 118.493456 });
	await step(
		"opens the first and logs the visit, with a photo and (ticked) her rough location",
		async () => {
			await rows.first().click();
			await page
				.locator('textarea[name="findings"]')
				.fill("入户了解到夫妻近期争吵频繁，孩子情绪低落。");
			await page.locator('textarea[name="follow_up"]').fill("联系社区心理咨询师，一周后再访");
			await page.locator('input[name="photo"]').setInputFiles({
				name: "IMG_0001.jpg",
				mimeType: "image/jpeg",
				buffer: await cameraPhoto(page),
			});
			await page.locator('[data-testid="photo"]').waitFor();
			assert.ok(
				!(await page.locator('input[name="share_location"]').isChecked()),
				"location off by default",
			);
			await page.locator('input[name="share_location"]').check();
			await page.locator('[data-testid="location"]:has-text("37.46,118.49")').waitFor();
			await phoneChecks(page);
		},
		{ readme: "pwa-visit" },
	);
	await step("submits it: one request, the photo with it", async () => {
		await page.getByRole("button", { name: "提交走访" }).click();
		await page.locator('[data-testid="visit-done"]').waitFor();
	});
	const logged = await page.locator('[data-testid="visit-done"]').innerText();
	assert.match(logged, /已登记走访 HV-/);
	assert.match(logged, /照片已作为内部附件保存/);
	assert.equal(await count(page, "Home Visit", { screening_ledger: entry }), visitsBefore + 1, "one visit");
	const photos = await attachments(page, logged.match(/HV-[\w-]+/)[0]);
	assert.equal(photos.length, 1, "one photo attached to the visit");
	assert.ok(photos[0].is_private && photos[0].file_url.startsWith("/private/files/"), "a private file");
	assert.ok(!(await phoneStorage(page)).includes("37.46"), "the location is not kept on the phone");
	const reportsBefore = await count(page, "Infringement Report", {});
	await step("随手报 from the visit: a child victim", async () => {
		await page
			.getByRole("link", { name: /随手报/ })
			.first()
			.click();
		await page.locator('input[name="victim_name"]').first().waitFor();
		await page.locator('input[name="victim_name"]').first().fill(VICTIM);
		await page.locator('input[name="age"]').first().fill("9");
		await page.locator('input[name="is_minor"]').first().check();
		await page.locator('label:has-text("身体暴力") input').check();
		await page.getByRole("button", { name: "紧急", exact: true }).click();
		await page.locator('textarea[name="description"]').fill("孩子手臂有淤青，自述被父亲打。");
		await phoneChecks(page);
	});
	await step(
		"上报: filed, its clock shown",
		async () => {
			await page.getByRole("button", { name: "上报", exact: true }).click();
			await page.locator('[data-testid="report-done"]').waitFor();
		},
		{ readme: "pwa-report" },
	);
	const done = await page.locator('[data-testid="report-done"]').innerText();
	assert.match(done, /已上报 IR-.*已报告/);
	assert.match(done, /核实时限 \d{4}-\d\d-\d\d/);
	assert.equal(await count(page, "Infringement Report", {}), reportsBefore + 1, "one report");
	assert.ok(
		!(await page.evaluate(() => document.body.innerText)).includes(VICTIM),
		"her typing is gone from the page",
	);
	assert.ok(!(await phoneStorage(page)).includes(VICTIM), "no identity kept on the phone");
	const filed = done.match(/IR-\d{4}-\d+/)[0];
	await step("我的上报: the report, its stage and deadline", () => openApp(page, "/fulian/reports"));
	assert.match(
		await page.locator('[data-testid="report-row"]', { hasText: filed }).innerText(),
		/已报告[\s\S]*核实时限/,
	);
	await phoneChecks(page);
	await step("社区吹哨: 报到 as her team", async () => {
		await openApp(page, "/fulian/requests");
		const row = page.locator('[data-testid="request-row"]', { hasText: "独居老人需要陪同就医" }).last();
		await row.getByRole("button", { name: /报到/ }).click();
		await row.locator('textarea[name="feedback"]').waitFor();
	});
	await step("closes it with feedback", async () => {
		const row = page.locator('[data-testid="request-row"]', { hasText: "独居老人需要陪同就医" }).last();
		await row.locator('textarea[name="feedback"]').fill("已陪同老人到区医院复诊");
		await row.getByRole("button", { name: "结束并反馈" }).click();
		await row.locator("text=已办结").waitFor();
	});
	const closed = await post(page, "frappe.client.get_value", {
		doctype: "Service Request",
		filters: { name: request.name },
		fieldname: ["status", "feedback"],
	});
	assert.deepEqual(closed, { status: "Request Closed", feedback: "已陪同老人到区医院复诊" });
	await j.close();
});

test("8 field app offline: a visit, a report and a 报到 kept on the phone, sent once when back online", async () => {
	const j = await journey("8-field-offline", "worker", { viewport: lib.PHONE });
	const { page, context, step } = j;
	const request = await newRequest("社区活动需要志愿者");
	await step("online first: her lists come to the phone", async () => {
		await openApp(page, "/fulian/report");
		await openApp(page, "/fulian/requests");
		await openApp(page, "/fulian/visits");
	});
	const rows = page.locator('[data-testid="visit-row"]');
	const entry = (await rows.first().getAttribute("href")).split("/").pop();
	const visitsBefore = await count(page, "Home Visit", { screening_ledger: entry });
	const reportsBefore = await count(page, "Infringement Report", {});
	const photo = await cameraPhoto(page);
	await context.setOffline(true);
	await step(
		"offline: the visit is kept",
		async () => {
			await rows.first().click();
			await page
				.locator('textarea[name="findings"]')
				.fill("离线登记：家中无人应答，邻居称其外出务工。");
			await page.locator('input[name="photo"]').setInputFiles({
				name: "IMG_0002.jpg",
				mimeType: "image/jpeg",
				buffer: photo,
			});
			await page.locator('[data-testid="photo"]').waitFor();
			await page.getByRole("button", { name: "提交走访" }).click();
			await page.locator('[data-testid="visit-done"]:has-text("已保存在手机上")').waitFor();
		},
		{ expect: OFFLINE },
	);
	await step(
		"offline: a quick report is kept",
		async () => {
			await page
				.getByRole("link", { name: /随手报/ })
				.first()
				.click();
			await page.locator('input[name="victim_name"]').first().fill(OFFLINE_VICTIM);
			await page.locator('input[name="age"]').first().fill("41");
			await page
				.locator('label:has-text("精神暴力") input, label:has-text("身体暴力") input')
				.first()
				.check();
			await page
				.locator('textarea[name="description"]')
				.fill("离线随手报：邻居反映夜里有摔东西的声音。");
			await page.getByRole("button", { name: "上报", exact: true }).click();
			await page.locator('[data-testid="report-done"]:has-text("已保存在手机上")').waitFor();
		},
		{ expect: OFFLINE },
	);
	await step(
		"offline: 报到 is kept",
		async () => {
			await page.getByRole("link", { name: /社区吹哨/ }).click();
			const row = page.locator('[data-testid="request-row"]', { hasText: "社区活动需要志愿者" }).last();
			await row.getByRole("button", { name: /报到/ }).click();
			await row.locator("text=已保存在手机上").waitFor();
			await page.locator('[data-testid="pending"]:has-text("3")').waitFor();
		},
		{ expect: OFFLINE, readme: "pwa-offline" },
	);
	assert.equal(
		await count(page, "Home Visit", { screening_ledger: entry }).catch(() => "offline"),
		"offline",
	);
	assert.ok((await phoneStorage(page)).includes("/9j/"), "the photo waits on the phone with its visit");
	await context.setOffline(false);
	await step(
		"back online: sent, once",
		async () => {
			await page.locator('[data-testid="pending"]').waitFor({ state: "detached", timeout: 30000 });
		},
		{ expect: OFFLINE },
	);
	// the browser tells the app it is online again: nothing is sent twice
	await page.evaluate(() => window.dispatchEvent(new Event("online")));
	await settle(page, 1000);
	assert.equal(
		await count(page, "Home Visit", { screening_ledger: entry }),
		visitsBefore + 1,
		"one visit, not two",
	);
	assert.equal(await count(page, "Infringement Report", {}), reportsBefore + 1, "one report, not two");
	const [visit] = await post(page, "frappe.client.get_list", {
		doctype: "Home Visit",
		filters: { screening_ledger: entry },
		order_by: "creation desc",
		limit_page_length: 1,
		fields: ["name"],
	});
	const photos = await attachments(page, visit.name);
	assert.equal(photos.length, 1, "the photo taken offline: attached once, to the visit");
	assert.ok(photos[0].is_private, "as a private file");
	assert.equal(await draftsKept(page), 0, "nothing left in the phone's queue");
	assert.ok(!(await phoneStorage(page)).includes("/9j/"), "nor the photo (a JPEG in base64)");
	const taken = await post(page, "frappe.client.get_value", {
		doctype: "Service Request",
		filters: { name: request.name },
		fieldname: "status",
	});
	assert.equal(taken.status, "Team Reported");
	assert.ok(
		!(await phoneStorage(page)).includes(OFFLINE_VICTIM),
		"the report's identities left the phone once it was filed",
	);
	await step("logout: nothing of hers stays on the phone", async () => {
		await page.getByRole("button", { name: "退出" }).click();
		await page.locator('input[name="usr"]').waitFor();
	});
	assert.equal((await phoneStorage(page)).replace(/\[\]|\n/g, ""), "", "IndexedDB emptied");
	// what the service worker keeps now is the login page and the app's own files, nothing of hers
	const cached = await page.evaluate(async () => {
		const texts = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) texts.push(await (await cache.match(request)).text());
		}
		return texts.join("\n");
	});
	assert.ok(
		!cached.includes(lib.login("worker")) && !cached.includes(OFFLINE_VICTIM),
		"no page of hers cached",
	);
	await j.close();
});

test("9 field app: an executive ticks a milestone; a stale offline tick is shown, not forced", async () => {
	const j = await journey("9-field-executive", "executive", { viewport: lib.PHONE });
	const { page, context, step } = j;
	await step("我领办的项目", () => openApp(page, "/fulian/projects"));
	await phoneChecks(page);
	const projects = await post(page, "fulian_grid.api.field.my_projects");
	const project = projects.find((p) => p.milestones.filter((m) => !m.done_on).length >= 2);
	assert.ok(project, "a project of hers with two open milestones");
	const [first, second] = project.milestones.filter((m) => !m.done_on);
	await step("ticks a milestone", async () => {
		const sent = page.waitForResponse((r) => r.url().includes("tick_milestone") && r.ok());
		await page.locator(`input[name="${first.name}"]`).check();
		await sent;
	});
	const stored = await post(page, "frappe.client.get", { doctype: "Led Project", name: project.name });
	assert.ok(stored.milestones.find((m) => m.name === first.name).done_on, "stored as done");
	assert.ok(stored.progress > project.progress, "progress moved on");
	await context.setOffline(true);
	await step(
		"offline: another tick is kept",
		async () => {
			await page.locator(`input[name="${second.name}"]`).check();
			await page.locator('[data-testid="pending"]').waitFor();
		},
		{ expect: OFFLINE },
	);
	// meanwhile the project changes on the server (a co-lead on the desk)
	await admin.evaluate(
		(name) =>
			frappe.xcall("frappe.client.set_value", {
				doctype: "Led Project",
				name,
				fieldname: "goals",
				value: "协办人在电脑端更新了项目目标",
			}),
		project.name,
	);
	await context.setOffline(false);
	await step(
		"back online: the stale tick is refused and shown",
		async () => {
			await page.locator('[data-testid="conflict"]').waitFor({ timeout: 30000 });
		},
		{ expect: [...OFFLINE, /417/] },
	);
	const after = await post(page, "frappe.client.get", { doctype: "Led Project", name: project.name });
	assert.ok(!after.milestones.find((m) => m.name === second.name).done_on, "the stale tick was not forced");
	assert.match(await page.locator('[data-testid="conflict"]').innerText(), /更新的版本/);
	await j.close();
});
