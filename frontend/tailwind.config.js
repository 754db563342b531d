import frappeUIPreset from "frappe-ui/tailwind";

export default {
	presets: [frappeUIPreset],
	content: [
		"./index.html",
		"./src/**/*.{vue,js}",
		"./node_modules/frappe-ui/src/components/{Button,Badge,Tooltip}/*.vue",
		"./node_modules/frappe-ui/src/components/LoadingIndicator.vue",
	],
};
