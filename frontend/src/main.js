import { createApp } from "vue";
import { createRouter, createWebHistory } from "vue-router";
import App from "./App.vue";
import "./index.css";
import Visits from "./pages/Visits.vue";
import { __, translations } from "./translate";

// The landing page (today's visits) is in the first bundle; the other pages are fetched once it has
// been drawn (and are precached by the service worker), so a cold first load carries less and a page
// opened later offline is already in memory.
const pages = {
	Visit: () => import("./pages/Visit.vue"),
	Report: () => import("./pages/Report.vue"),
	Reports: () => import("./pages/Reports.vue"),
	Requests: () => import("./pages/Requests.vue"),
	Projects: () => import("./pages/Projects.vue"),
};
const router = createRouter({
	history: createWebHistory("/fulian"),
	routes: [
		{ path: "/", redirect: "/visits" },
		{ path: "/visits", component: Visits, meta: { title: __("Today's Visits") } },
		{
			path: "/visits/:name",
			component: pages.Visit,
			props: true,
			meta: { title: __("Log a Visit") },
		},
		{ path: "/report", component: pages.Report, meta: { title: __("Quick Report") } },
		{ path: "/reports", component: pages.Reports, meta: { title: __("My Reports") } },
		{
			path: "/requests",
			component: pages.Requests,
			meta: { title: __("Community Whistles") },
		},
		{
			path: "/projects",
			component: pages.Projects,
			meta: { title: __("Projects I Lead") },
		},
		{ path: "/:rest(.*)*", redirect: "/visits" },
	],
});

createApp(App).use(translations).use(router).mount("#app");
// once the first page is up, not competing with it for a slow connection
window.addEventListener("load", () =>
	setTimeout(() => Object.values(pages).forEach((page) => page().catch(() => {})), 1500),
);

if ("serviceWorker" in navigator && window.fulian_user?.name && window.fulian_user.name !== "Guest") {
	navigator.serviceWorker.register("/fulian/sw.js", { scope: "/fulian" }).catch(() => {});
}
