// 网格随手记: built into fulian_grid/public/frontend and served at /fulian (fulian_grid/www), the
// way frappe/hrms builds its PWA. The service worker precaches only the app's own files: no API
// reply is ever cached by it (records stay on the server; see src/store.js for what the phone keeps).
import fs from "node:fs";
import path from "node:path";
import vue from "@vitejs/plugin-vue";
import frappeui from "frappe-ui/vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// The strings of the app, as scripts/i18n.py finds them (`__("…")` with a literal first argument):
// written beside the bundle as messages.json, so /fulian carries their translations and no others.
const MESSAGE = /__\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
function fieldMessages() {
	return {
		name: "fulian-field-messages",
		apply: "build",
		generateBundle() {
			const found = new Set();
			const walk = (dir) => {
				for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
					const file = path.join(dir, item.name);
					if (item.isDirectory()) walk(file);
					else if (/\.(vue|js)$/.test(item.name))
						for (const match of fs.readFileSync(file, "utf8").matchAll(MESSAGE))
							found.add(match[2]);
				}
			};
			walk(path.resolve(__dirname, "src"));
			this.emitFile({
				type: "asset",
				fileName: "messages.json",
				source: JSON.stringify([...found].sort()),
			});
		},
	};
}

export default defineConfig({
	plugins: [
		fieldMessages(),
		// its icons only: the page, the proxy and the build paths are this app's own (below, www/fulian.py)
		frappeui({ frappeProxy: false, jinjaBootData: false, buildConfig: false }),
		vue(),
		VitePWA({
			registerType: "autoUpdate",
			injectRegister: null, // registered in src/main.js with the /fulian scope
			integration: {
				// the web manifest is precached where it lies too, not beside the worker
				beforeBuildServiceWorker(options) {
					for (const entry of options.workbox.additionalManifestEntries || []) {
						if (!entry.url.startsWith("/"))
							entry.url = `/assets/fulian_grid/frontend/${entry.url}`;
					}
				},
			},
			filename: "sw.js",
			manifest: {
				name: "网格随手记 · 妇联网格",
				short_name: "网格随手记",
				description: "女网格员、执委的走访、随手报、社区吹哨与领办项目",
				lang: "zh-CN",
				start_url: "/fulian",
				scope: "/fulian",
				display: "standalone",
				background_color: "#ffffff",
				theme_color: "#c8102e",
				icons: [
					{
						src: "/assets/fulian_grid/frontend/icon.svg",
						sizes: "any",
						type: "image/svg+xml",
						purpose: "any",
					},
					{
						src: "/assets/fulian_grid/frontend/icon-192.png",
						sizes: "192x192",
						type: "image/png",
						purpose: "any maskable",
					},
					{
						src: "/assets/fulian_grid/frontend/icon-512.png",
						sizes: "512x512",
						type: "image/png",
						purpose: "any maskable",
					},
				],
			},
			workbox: {
				// the worker is served at /fulian/sw.js (fulian_grid/pwa.py), not beside the files
				inlineWorkboxRuntime: true,
				modifyURLPrefix: { "": "/assets/fulian_grid/frontend/" },
				globPatterns: ["**/*.{js,css,svg,png,woff2}"],
				navigateFallback: null, // the page itself: network first (below), never a stale login
				runtimeCaching: [
					{
						urlPattern: ({ request, url }) =>
							request.mode === "navigate" && url.pathname.startsWith("/fulian"),
						handler: "NetworkFirst",
						options: { cacheName: "fulian-shell", networkTimeoutSeconds: 4 },
					},
				],
			},
		}),
	],
	resolve: {
		alias: {
			"@": path.resolve(__dirname, "src"),
			// frappe-ui's components and call() by their own files: its index also pulls its text
			// editor and charts, which the field app does not use (and would triple the bundle)
			"frappe-ui-src": path.resolve(__dirname, "node_modules/frappe-ui/src"),
		},
	},
	build: {
		outDir: "../fulian_grid/public/frontend",
		emptyOutDir: true,
		target: "es2018",
		chunkSizeWarningLimit: 800,
	},
});
