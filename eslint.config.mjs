// The app's JavaScript: desk scripts (Frappe's globals) and the browser tests (Node).
import js from "@eslint/js";
import globals from "globals";

const frappe_desk = {
	frappe: "readonly",
	__: "readonly",
	$: "readonly",
	jQuery: "readonly",
	open_url_post: "readonly",
	cur_frm: "readonly",
	locals: "readonly",
	fulian_grid: "writable",
};

export default [
	{
		ignores: [
			"**/node_modules/",
			".tier1-venv/",
			"fulian_grid/public/frontend/",
			"tests/browser/screenshots/",
		],
	},
	js.configs.recommended,
	{
		files: ["fulian_grid/**/*.js"],
		languageOptions: { sourceType: "script", globals: { ...globals.browser, ...frappe_desk } },
	},
	{
		// the field app (a Vite project: ES modules in the browser, its config in Node)
		files: ["frontend/**/*.js"],
		languageOptions: { sourceType: "module", globals: { ...globals.browser, ...globals.node } },
	},
	{
		// Node, and the functions it hands to page.evaluate, which run in the desk
		files: ["tests/**/*.js"],
		languageOptions: {
			sourceType: "commonjs",
			globals: { ...globals.node, ...globals.browser, frappe: "readonly", cur_frm: "readonly" },
		},
	},
];
