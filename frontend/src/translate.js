// The field app's strings, translated like the rest of the app: each is written in English inside
// `__()`, scripts/i18n.py extracts it into fulian_grid/locale (main.pot, zh.po), and the page
// /fulian carries the translations of exactly these strings in the user's language
// (fulian_grid/www/fulian.py, from the list the build writes: messages.json) — no extra request.
// As frappe/hrms' frontend does (frontend/src/plugins/translationsPlugin.js), `{0}` placeholders
// are filled from an array.
const messages = window.fulian_messages || {};

export function __(text, replace) {
	const translated = messages[text] || text;
	if (!Array.isArray(replace)) return translated;
	return translated.replace(/\{(\d+)\}/g, (match, index) =>
		replace[index] === undefined ? match : replace[index],
	);
}

export const translations = {
	install(app) {
		app.config.globalProperties.__ = __;
	},
};
