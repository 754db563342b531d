// Calls to the app's whitelisted methods (fulian_grid/api/field.py) through frappe-ui.
import call from "frappe-ui-src/utils/call.js";
import { __ } from "./translate";

export const M = (name) => `fulian_grid.api.field.${name}`;

export function isNetworkError(error) {
	return error instanceof TypeError; // fetch failed: no connection
}

export function messageOf(error) {
	const messages = (error && error.messages) || [];
	const text = messages.join(" ").replace(/<[^>]+>/g, "");
	return (
		text ||
		(isNetworkError(error)
			? __("No network connection")
			: __("Something went wrong, please try again later"))
	);
}

export { call };
