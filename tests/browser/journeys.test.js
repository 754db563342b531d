// Tier 3: the daily journeys of each role (shared/JOURNEYS.md) in headless Chromium, on a demo site
// made by scripts/test (demo data at a small scale, the users of fulian_grid.demo.users).
const { test, after } = require("node:test");
const lib = require("./lib");
const { assert, journey, open, call, settle, forms } = lib;
const { linkOptions, pickLink, fill, doc, save, clickButton, confirm, workflowAction } = forms;

const COUNTY = "370502"; // 东营区, the officer's, the viewer's and the worker's county
const NEW_USER = `new.chair.${Date.now()}@dongying.example`; // a fresh user on every run
const APP_ROLES_ZH = ["市妇联管理员", "县乡妇联干部", "网格妇联主席", "执委", "女网格员/调解员", "统计查看"];

after(() => lib.close());

const text = (page) => page.evaluate(() => document.body.innerText);
const listRows = (page) => page.locator(".frappe-list .list-row-container:visible");
const treeLabels = (page) => page.locator(".tree-label:visible").allInnerTexts();

async function downloadFrom(page, click) {
	const [download] = await Promise.all([page.waitForEvent("download"), click()]);
	const file = await download.path();
	assert.ok(require("node:fs").statSync(file).size > 1000, `${download.suggestedFilename()} is empty`);
	return download.suggestedFilename();
}

async function exportReport(page, format) {
	await page
		.locator('.page-head:visible button:has-text("菜单"), .page-head:visible .menu-btn-group button')
		.first()
		.click();
	await page.locator('.dropdown-menu:visible a:has-text("导出")').first().click();
	await settle(page);
	const dialog = page.locator(".modal:visible");
	await dialog.locator('select[data-fieldname="file_format"]').selectOption(format);
	return downloadFrom(page, () => dialog.locator(".btn-primary").click());
}

async function assignRole(j, { user, roleText, gridText }) {
	const { page, step } = j;
	await step("new grid role assignment", () => open(page, "grid-role-assignment/new"));
	await step("user, and only the app's roles offered", async () => {
		await pickLink(page, "user", user);
		const roles = await linkOptions(page, "role", "");
		assert.deepEqual(
			roles.filter((r) => !r.includes("创建") && !r.includes("高级搜索")).map((r) => r.split("\n")[0]),
			APP_ROLES_ZH,
		);
		await pickLink(page, "role", roleText);
	});
	await step("grid search finds the grid", () => pickLink(page, "governance_grid", gridText));
	const saved = await step("save", () => save(page));
	assert.equal(saved.user, user);
	return saved;
}

test("1 administrator: workspace, grid tree, role assignments (admin and System Manager)", async () => {
	const j = await journey("1-admin", "admin");
	const { page, step } = j;
	await step("lands on 妇联网格", () => open(page, "/app"));
	assert.match(page.url(), /\/app\/fulian-grid$/);
	await step("grid tree: the root by its name", () => open(page, "governance-grid/view/tree"));
	assert.deepEqual((await treeLabels(page)).slice(0, 2), ["社会治理网格", "东营市"]);
	await step("expand the city", () => page.locator('.tree-label:text-is("东营市")').click(), {
		warm: true,
	});
	assert.ok((await treeLabels(page)).includes("东营区"));
	await step("expand a county", () => page.locator('.tree-label:text-is("东营区")').click(), {
		warm: true,
	});
	const started = Date.now();
	await step("expand all", () => clickButton(page, "展开全部"));
	assert.ok(Date.now() - started < 10000, "the whole tree opens in seconds, not a minute");
	assert.ok((await treeLabels(page)).length > 100, "expand all shows the whole tree");

	await j.close();

	// accounts are Frappe's: a System Manager creates the user; the federation's administrator
	// gives her a role in a grid of his subtree (he cannot edit users)
	const s = await journey("1-system-manager", "sysmanager");
	await s.step("tree opens without error for a System Manager", () =>
		open(s.page, "governance-grid/view/tree"),
	);
	await s.step("create a user", async () => {
		await open(s.page, "user/new");
		await fill(s.page, "email", NEW_USER);
		await fill(s.page, "first_name", "新主席");
		await save(s.page);
	});
	await assignRole(s, { user: NEW_USER, roleText: "统计查看", gridText: "东营区" });
	await s.close();

	const a = await journey("1-admin-assigns", "admin");
	await assignRole(a, { user: NEW_USER, roleText: "网格妇联主席", gridText: "盛园社区" });
	await a.close();
});

test("2 county officer: workspace, scoped cards, masked ledger, statistics, Kanban, workflow", async () => {
	const j = await journey("2-officer", "officer");
	const { page, step } = j;
	await step("lands on 妇联网格", () => open(page, "/app"));
	assert.match(page.url(), /\/app\/fulian-grid$/);
	await step(
		"cards counted within her county",
		async () => {
			const card = page.locator('.number-widget-box:has-text("在任执委")');
			await page.waitForFunction(() =>
				[...document.querySelectorAll(".number-widget-box")].every((b) => /\d/.test(b.innerText)),
			);
			const shown = Number((await card.locator(".number").innerText()).replace(/\D/g, ""));
			const filters = { status: "Active" };
			// she reads the executives above her county too (their visits are recorded below), but
			// her card counts those of her county
			const [{ governance_grid: county }] = await lib.asAdministrator("frappe.client.get_list", {
				doctype: "Grid Role Assignment",
				filters: { user: "officer@dongying.example" },
				fields: ["governance_grid"],
			});
			const hers = await call(page, "frappe.client.get_count", {
				doctype: "Federation Executive",
				filters: [
					["status", "=", "Active"],
					["governance_grid", "descendants of (inclusive)", county],
				],
			});
			const city = await lib.asAdministrator("frappe.client.get_count", {
				doctype: "Federation Executive",
				filters,
			});
			assert.equal(shown, hers, "the card counts her county's executives");
			assert.ok(
				hers > 0 && hers < city,
				`her county's executives (${hers}) are fewer than the city's (${city})`,
			);
		},
		{ readme: "workspace" },
	);
	await j.warm("ledger list, identities masked", "screening-ledger");
	const listed = await listRows(page).allInnerTexts();
	assert.ok(listed.length > 0 && listed.some((row) => row.includes("*")), "masked names in the list");
	assert.doesNotMatch(await text(page), /\d{17}[\dX]/, "no full ID number in the list");
	await step("opens an entry", () => listRows(page).first().locator(".list-subject a").first().click());
	const entry = await doc(page);
	assert.equal(entry.doctype, "Screening Ledger");
	await j.warm("the entry again", `screening-ledger/${entry.name}`);

	await step("Work Statistics of her county", () =>
		open(page, `query-report/Work Statistics?governance_grid=${COUNTY}`),
	);
	assert.match(await text(page), /东营区/);
	const word = await step("Work Statistics as Word", () =>
		downloadFrom(page, () => clickButton(page, "工作统计（Word）")),
	);
	assert.match(word, /\.docx$/);
	const [deliberation] = await call(page, "frappe.client.get_list", {
		doctype: "Deliberation Record",
		limit_page_length: 1,
	});
	await step("a deliberation record", () => open(page, `deliberation-record/${deliberation.name}`));
	const appendix_e = await step("the record as appendix E (Word)", () =>
		downloadFrom(page, () => clickButton(page, "附录E记录表（.docx）")),
	);
	assert.match(appendix_e, /\.docx$/);
	await step("Service Figures of her county", () =>
		open(page, `query-report/Service Figures?governance_grid=${COUNTY}`),
	);
	assert.ok((await page.locator(".dt-row:visible").count()) > 5, "figures shown");
	const excel = await step("Service Figures as Excel", () => exportReport(page, "Excel"));
	assert.match(excel, /\.xlsx$/);

	await step("Kanban of reports", () =>
		open(page, "infringement-report/view/kanban/Infringement Reports by Stage"),
	);
	const cards = await page.locator(".kanban-card:visible").allInnerTexts();
	assert.ok(cards.length > 1, "cards on the board");
	assert.equal(new Set(cards).size, cards.length, "every card tells its report apart");

	const [reported] = await call(page, "frappe.client.get_list", {
		doctype: "Infringement Report",
		filters: { workflow_state: "Reported" },
		limit_page_length: 1,
	});
	assert.ok(reported, "a reported case in her county");
	await j.warm("opens a reported case", `infringement-report/${reported.name}`);
	await step(
		"verifies its facts (workflow)",
		async () => {
			await workflowAction(page, "核实");
			const message = page.locator(".modal:visible .modal-body");
			if ((await message.count()) && /报警/.test(await message.first().innerText())) {
				// a minor or a person lacking capacity in a case of violence: the police come first
				await page.locator(".modal:visible .btn-modal-close").first().click();
				await page.locator('input[data-fieldname="police_report_recorded"]:visible').check();
				// picked as "now" (typing a datetime depends on the bench's datepicker build)
				await page.evaluate(() =>
					cur_frm.set_value("police_report_on", frappe.datetime.now_datetime()),
				);
				await fill(page, "police_report_reference", "东公（文）报字〔2026〕101号");
				await save(page);
				await workflowAction(page, "核实");
			}
			if (await page.locator(".modal:visible .btn-primary:visible").count()) await confirm(page);
			await page.waitForFunction(() => cur_frm.doc.workflow_state !== "Reported");
		},
		{
			// the refused first try: a 417 with its message, and Frappe's workflow action leaves the
			// refusal's promise unhandled
			expect: [/status of 417/, /^page error: undefined/],
		},
	);
	assert.notEqual((await doc(page)).workflow_state, "Reported");
	await j.close();
});

// Journey 3 and 4: the grid worker's visit and report, on a desktop and on a phone.
async function workerVisitAndReport(j, { phone = false } = {}) {
	const { page, step } = j;
	const check = async () => {
		if (phone) {
			await lib.noHorizontalOverflow(page);
			await lib.buttonsReachable(page);
		}
	};
	const [entry] = await call(page, "frappe.client.get_list", {
		doctype: "Screening Ledger",
		fields: ["name", "governance_grid"],
		filters: { status: "Active" },
		limit_page_length: 1,
	});
	assert.ok(entry, "a ledger entry in her grid");
	await j.warm("opens a ledger entry of her grid", `screening-ledger/${entry.name}`);
	if (phone) await step("the entry on a phone", () => settle(page), { readme: "phone" });
	await check();
	await step(
		"log a home visit from it",
		() => clickButton(page, "登记入户走访"),
		phone ? {} : { readme: "visit" },
	);
	const visit = await doc(page);
	assert.equal(visit.doctype, "Home Visit");
	assert.equal(visit.governance_grid, entry.governance_grid, "the visit's grid comes from the entry");
	await check();
	await step("findings, save", async () => {
		await fill(page, "findings", "入户走访发现夫妻矛盾升级，孩子受到惊吓。");
		await save(page);
	});
	await step("submit", async () => {
		await clickButton(page, "提交");
		await confirm(page);
		await page.waitForFunction(() => cur_frm.doc.docstatus === 1);
	});
	await check();
	await step("report infringement from the visit", () => clickButton(page, "报告侵权事项"));
	const report = await doc(page);
	assert.equal(report.doctype, "Infringement Report");
	assert.equal(
		report.home_visit,
		(
			await call(page, "frappe.client.get_list", {
				doctype: "Home Visit",
				filters: { screening_ledger: entry.name, docstatus: 1 },
				order_by: "creation desc",
				limit_page_length: 1,
			})
		)[0].name,
	);
	await step("victims, one a minor", async () => {
		for (const [name, age] of [
			["王秀兰", 36],
			["李小宝", 9],
		]) {
			const grid = page.locator('.frappe-control[data-fieldname="victims"]:visible');
			await grid.locator(".grid-add-row").click();
			const row = grid.locator(".grid-row.editable-row, .grid-body .rows .grid-row").last();
			await row.locator('[data-fieldname="victim_name"]').first().click();
			await row.locator('input[data-fieldname="victim_name"]').fill(name);
			await row.locator('[data-fieldname="age"]').first().click();
			await row.locator('input[data-fieldname="age"]').fill(String(age));
			await page.keyboard.press("Tab");
		}
		await settle(page);
	});
	await check();
	await step("concern items", async () => {
		const input = page.locator('.frappe-control[data-fieldname="concern_items"]:visible input').first();
		await input.click();
		await input.pressSequentially("身体暴力", { delay: 20 });
		await page
			.locator('.frappe-control[data-fieldname="concern_items"] ul[role=listbox] > *:not(.hide)')
			.first()
			.click();
		await settle(page);
	});
	await step("what happened, the suspect", async () => {
		await fill(page, "description", "走访时发现王秀兰面部有伤，自述丈夫酒后殴打，孩子目睹。");
		await fill(page, "suspect", "王某（受害人丈夫）");
	});
	await step("save", () => save(page));
	const saved = await doc(page);
	assert.equal(saved.victims.length, 2);
	assert.ok(
		saved.victims.some((v) => v.is_minor),
		"the child is marked a minor",
	);
	await check();
	await step("file it", async () => {
		await workflowAction(page, "上报");
		if (await page.locator(".modal:visible .btn-primary").count()) await confirm(page);
		await page.waitForFunction(() => cur_frm.doc.workflow_state === "Reported");
	});
	await check();
}

async function refused(j, route) {
	const { page, step } = j;
	await step(
		`refused: ${route}`,
		async () => {
			await page.goto(`/app/${route}`);
			await page.locator(".message-page:visible").waitFor();
		},
		{ expect: [/40[34]/, /PermissionError/] },
	);
	assert.match(await page.locator(".message-page:visible").innerText(), /无权/);
}

test("3 grid worker: ledger entry, home visit, infringement report; another county refused", async () => {
	const j = await journey("3-worker", "worker");
	await workerVisitAndReport(j);
	const [other] = await lib.asAdministrator("frappe.client.get_list", {
		doctype: "Screening Ledger",
		filters: { governance_grid: ["like", "370503%"] },
		limit_page_length: 1,
	});
	await refused(j, `screening-ledger/${other.name}`);
	await j.close();
});

test("4 grid worker on a phone (390×844): the visit and the report", async () => {
	const j = await journey("4-worker-phone", "worker", { viewport: lib.PHONE });
	await j.step("workspace on a phone", () => open(j.page, "/app"));
	await lib.noHorizontalOverflow(j.page);
	await workerVisitAndReport(j, { phone: true });
	await j.close();
});

test("5 executive: my led projects, Gantt, a milestone ticked", async () => {
	const j = await journey("5-executive", "executive");
	const { page, step } = j;
	await j.warm("My Led Projects", "query-report/My Led Projects");
	const mine = await call(page, "fulian_grid.api.projects.my_led_projects");
	assert.ok(mine.length >= 3, `her projects listed (${mine.length})`);
	assert.equal(await page.locator(".dt-scrollable .dt-row:visible").count(), mine.length);
	await step("Gantt", () => open(page, "led-project/view/gantt"));
	assert.ok((await page.locator(".gantt .bar-wrapper:visible").count()) > 0, "bars on the Gantt chart");
	let project;
	for (const name of mine) {
		const { milestones } = await call(page, "frappe.client.get", { doctype: "Led Project", name });
		if (milestones.some((m) => !m.done_on)) {
			project = name;
			break;
		}
	}
	assert.ok(project, "a project of hers with an open milestone");
	await j.warm("opens a project", `led-project/${project}`);
	const ticked = (await doc(page)).milestones.findIndex((m) => !m.done_on);
	await step("ticks a milestone", async () => {
		const row = page
			.locator('.frappe-control[data-fieldname="milestones"]:visible .grid-body .grid-row')
			.nth(ticked);
		await row.locator('.grid-static-col[data-fieldname="done_on"]').click();
		const today = await page.evaluate(() => frappe.datetime.str_to_user(frappe.datetime.get_today()));
		await row.locator('input[data-fieldname="done_on"]').fill(today);
		await page.keyboard.press("Escape");
		await page.locator(".page-head:visible .title-text").first().click();
		await save(page);
	});
	const stored = await call(page, "frappe.client.get", { doctype: "Led Project", name: project });
	const today = await page.evaluate(() => frappe.datetime.get_today());
	assert.equal(stored.milestones[ticked].done_on, today, "the milestone is stored as done today");
	await j.close();
});

test("6 statistics viewer: Work Statistics, withheld cells, counselling refused", async () => {
	const j = await journey("6-viewer", "viewer");
	const { page, step } = j;
	await step("Work Statistics of her county", () =>
		open(page, `query-report/Work Statistics?governance_grid=${COUNTY}`),
	);
	const data = await page.evaluate(() => frappe.query_report.data);
	assert.ok(data.length > 1, "a row per child node and a total");
	// a withheld cell (blank) must not be the difference of the total and the cells shown
	const columns = await page.evaluate(() => frappe.query_report.columns.map((c) => c.fieldname));
	const total = data.find((row) => row.is_total);
	for (const column of columns) {
		const cells = data.filter((row) => !row.is_total).map((row) => row[column]);
		const withheld = cells.filter((v) => v === null || v === undefined || v === "").length;
		if (withheld === 1 && typeof total[column] === "number") {
			assert.fail(`${column}: one withheld cell beside a total gives it away`);
		}
	}
	// in her own county: she counts counselling records but never opens one
	const [counselling] = await lib.asAdministrator("frappe.client.get_list", {
		doctype: "Divorce Counselling",
		filters: { governance_grid: ["like", `${COUNTY}%`] },
		limit_page_length: 1,
	});
	await refused(j, `divorce-counselling/${counselling.name}`);
	await j.close();
});

// Journey 7: casework from a report (protection order, consent, referral and its letter), by the
// county officer on a desktop and on a phone; a worker of another county opens none of it.
const setValues = async (page, values) => {
	await page.evaluate((v) => cur_frm.set_value(v), values);
	await settle(page);
};

async function fromReport(j, report, label, doctype) {
	const { page, step } = j;
	await step(`open the report, ${label}`, async () => {
		await open(page, `infringement-report/${report}`);
		await page
			.locator('.page-head:visible .inner-group-button button:has-text("依法维权")')
			.first()
			.click();
		await page
			.locator(`.page-head:visible .dropdown-menu:visible a:has-text("${label}")`)
			.first()
			.click();
		await page.waitForFunction((dt) => cur_frm && cur_frm.doctype === dt && cur_frm.is_new(), doctype);
		await settle(page);
	});
	const started = await doc(page);
	assert.equal(started.infringement_report, report, `${doctype} starts from the report`);
}

async function officerCasework(j, { phone = false } = {}) {
	const { page, step } = j;
	const check = async () => {
		if (phone) {
			await lib.noHorizontalOverflow(page);
			await lib.buttonsReachable(page);
		}
	};
	const reports = await call(page, "frappe.client.get_list", {
		doctype: "Infringement Report",
		fields: ["name", "governance_grid"],
		filters: { workflow_state: ["in", ["Reported", "Verified", "In Service"]] },
		order_by: "creation desc",
		limit_page_length: 20,
	});
	const report = reports.find((r) => r.governance_grid.startsWith(COUNTY));
	assert.ok(report, "an open report in her county");

	await fromReport(j, report.name, "申请人身安全保护令", "Protection Order");
	await check();
	await step("the application: victim, respondent, court, facts, measures", async () => {
		const victims = await page.evaluate(() => cur_frm.fields_dict.victim.df.options);
		assert.ok(victims && victims.length, "the report's victims offered");
		await setValues(page, { victim: victims[0].value, measure_no_violence: 1, urgent: 1 });
		await fill(page, "respondent_name", "王某");
		await fill(page, "court", "东营区人民法院");
		await fill(page, "facts", "被申请人多次酒后殴打申请人，申请人面部受伤。");
	});
	const order = await step("save the application", () => save(page));
	assert.equal(order.status, "Awaiting Decision");
	assert.ok(order.decision_due, "the court's clock runs");
	assert.match(await text(page), /裁定|到期/);
	const application = await step("the application as a Word file", () =>
		downloadFrom(page, () => clickButton(page, "申请书（.docx）")),
	);
	assert.match(application, /\.docx$/);
	await check();
	await step("record the court's decision", async () => {
		const [now, until] = await page.evaluate(() => [
			frappe.datetime.now_datetime(),
			frappe.datetime.add_months(frappe.datetime.get_today(), 3),
		]);
		await setValues(page, { decision: "Granted", decided_on: now });
		await setValues(page, { valid_until: until });
		await fill(page, "court_reference", "（2026）鲁0502民保令1号");
		await save(page);
	});
	assert.equal((await doc(page)).status, "In Force");
	await check();

	await fromReport(j, report.name, "登记同意书", "Consent Record");
	await step("her consent to the referral", async () => {
		await fill(page, "subject_name", "王秀兰");
		await setValues(page, { consented_on: await page.evaluate(() => frappe.datetime.get_today()) });
		await fill(page, "purposes", "转介法律援助");
		await fill(page, "recipients", "东营区法律援助中心");
	});
	const consent = await step("save the consent", () => save(page));
	assert.equal(consent.status, "Valid");
	await check();

	await fromReport(j, report.name, "转介案件", "Case Referral");
	await step("refer it with her consent", async () => {
		await setValues(page, {
			agency: "Court",
			sent_on: await page.evaluate(() => frappe.datetime.get_today()),
			carries_identities: 1,
		});
		await fill(page, "agency_name", "东营区法律援助中心");
		await setValues(page, { legal_basis: "Consent" });
		await setValues(page, { consent_record: consent.name });
	});
	const referral = await step("save the referral", () => save(page));
	assert.equal(referral.status, "Sent");
	await check();
	const letter = await step("the referral letter", () =>
		downloadFrom(page, () => clickButton(page, "转介函（.docx）")),
	);
	assert.match(letter, /转介函.*\.docx$/);
	return { order: order.name, consent: consent.name, referral: referral.name };
}

// a grid worker of another county (东营区's neighbour), made once by the administrator
async function otherCountyWorker() {
	const key = "worker.other";
	const email = lib.login(key);
	const existing = await lib.asAdministrator("frappe.client.get_list", {
		doctype: "User",
		filters: { name: email },
	});
	if (!existing.length) {
		const [grid] = await lib.asAdministrator("frappe.client.get_list", {
			doctype: "Governance Grid",
			filters: { name: ["like", "370503%"], level: "Grid" },
			limit_page_length: 1,
		});
		await lib.asAdministratorPost("frappe.client.insert", {
			doc: {
				doctype: "User",
				email,
				first_name: "外县网格员",
				send_welcome_email: 0,
				new_password: lib.PASSWORD,
			},
		});
		await lib.asAdministratorPost("frappe.client.insert", {
			doc: {
				doctype: "Grid Role Assignment",
				user: email,
				role: "Fulian Grid Worker",
				governance_grid: grid.name,
			},
		});
	}
	return key;
}

let casework; // what journey 7 recorded, for the refusals

test("7 county officer: protection order, consent, referral and its letter from a report", async () => {
	const j = await journey("7-officer-casework", "officer");
	casework = await officerCasework(j);
	await j.close();
});

test("7 casework on a phone (390×844)", async () => {
	const j = await journey("7-officer-casework-phone", "officer", { viewport: lib.PHONE });
	await officerCasework(j, { phone: true });
	await j.close();
});

test("7 a worker of another county opens none of it", async () => {
	assert.ok(casework, "journey 7 recorded casework");
	const j = await journey("7-other-county", await otherCountyWorker());
	await refused(j, `protection-order/${casework.order}`);
	await refused(j, `case-referral/${casework.referral}`);
	await refused(j, `consent-record/${casework.consent}`);
	await j.close();
});
