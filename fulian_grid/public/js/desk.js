// Desk behaviour of the app on every page (hooks.py app_include_js).
frappe.provide("fulian_grid");

// A record the user may not open, reached by its address, is refused in words that say why:
// Frappe leaves an empty form behind its refusal dialog (a record outside her grids) or, for a
// DocType her role does not open, says the page does not exist.
fulian_grid.show_refusal = function (page_name) {
	// Frappe's own refusal ("not permitted", "page not found") shows as a dialog after the request
	const hide_dialog = () => frappe.msg_dialog && frappe.msg_dialog.hide();
	hide_dialog();
	setTimeout(hide_dialog, 200);
	frappe.show_message_page({
		page_name,
		title: __("Not permitted"),
		message: __(
			"You may not open this record: it lies outside the grids where your role was assigned, or your role does not open such records.",
		),
		img: "/assets/frappe/images/ui/bubble-tea-sorry.svg",
	});
};

const is_app_doctype = (slug) =>
	(frappe.boot.fulian_grid_doctypes || []).some((dt) => frappe.router.slug(dt) === slug);

$(document).ajaxError((event, xhr, settings) => {
	const url = settings.url || "";
	const route = frappe.get_route() || [];
	const outside_her_grids =
		xhr.status === 403 && url.includes("frappe.desk.form.load.getdoc") && route[0] === "Form";
	const not_her_doctype = xhr.status === 404 && url.includes("getpage") && is_app_doctype(route[0]);
	if (outside_her_grids || not_her_doctype)
		setTimeout(() => fulian_grid.show_refusal(frappe.get_route_str()), 0);
});

// frappe-charts (2.0.0-rc22) redraws a chart on every resize of its container, also when the
// page holding it is hidden (the workspace after the user moves on): at width 0 it computes
// negative sizes (console errors) and may remove an overlay of an earlier drawing twice (a page
// error). A chart off screen (or squeezed to nothing) is drawn when it shows again, as its
// container then resizes.
(function guard_chart_redraws() {
	const make_chart = frappe.Chart;
	if (!make_chart) return;
	const guarded = new WeakSet();
	function guard(chart) {
		let proto = Object.getPrototypeOf(chart);
		while (proto && !Object.prototype.hasOwnProperty.call(proto, "draw"))
			proto = Object.getPrototypeOf(proto);
		if (!proto || guarded.has(proto)) return;
		const draw = proto.draw;
		proto.draw = function (...args) {
			const parent = this.parent;
			if (parent && (!parent.isConnected || parent.offsetParent === null || parent.clientWidth < 100))
				return;
			try {
				return draw.apply(this, args);
			} catch (error) {
				if (error.name !== "NotFoundError") throw error;
			}
		};
		guarded.add(proto);
	}
	frappe.Chart = function (...args) {
		const chart = new make_chart(...args);
		guard(chart);
		return chart;
	};
	frappe.Chart.prototype = make_chart.prototype;
})();
