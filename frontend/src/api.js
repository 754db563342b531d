// Calls to the app's whitelisted methods (fulian_grid/api/field.py) through frappe-ui.
import call from "frappe-ui-src/utils/call.js";

export const M = (name) => `fulian_grid.api.field.${name}`;

export function isNetworkError(error) {
	return error instanceof TypeError; // fetch failed: no connection
}

export function messageOf(error) {
	const messages = (error && error.messages) || [];
	const text = messages.join("；").replace(/<[^>]+>/g, "");
	return text || (isNetworkError(error) ? "网络不可用" : "出错了，请稍后再试");
}

export { call };
