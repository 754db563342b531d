// Desk behaviour of the app on every page (hooks.py app_include_js).
frappe.provide("fulian_grid");

// A record the user may not read, opened by its address: Frappe leaves an empty form behind its
// refusal dialog. Show the refusal as the page itself, saying why.
$(document).ajaxError((event, xhr, settings) => {
	if (xhr.status !== 403 || !(settings.url || "").includes("frappe.desk.form.load.getdoc")) return;
	const route = frappe.get_route();
	if (!route || route[0] !== "Form") return;
	setTimeout(() => {
		frappe.msg_dialog && frappe.msg_dialog.hide();
		frappe.show_message_page({
			page_name: frappe.get_route_str(),
			title: __("Not permitted"),
			message: __(
				"You may not open this record: it lies outside the grids where your role was assigned, or your role does not open such records."
			),
			img: "/assets/frappe/images/ui/bubble-tea-sorry.svg",
		});
	}, 0);
});
