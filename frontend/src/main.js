import { createApp } from "vue";
import { createRouter, createWebHistory } from "vue-router";
import App from "./App.vue";
import "./index.css";
import Projects from "./pages/Projects.vue";
import Report from "./pages/Report.vue";
import Reports from "./pages/Reports.vue";
import Requests from "./pages/Requests.vue";
import Visit from "./pages/Visit.vue";
import Visits from "./pages/Visits.vue";

const router = createRouter({
	history: createWebHistory("/fulian"),
	routes: [
		{ path: "/", redirect: "/visits" },
		{ path: "/visits", component: Visits, meta: { title: "今日走访" } },
		{ path: "/visits/:name", component: Visit, props: true, meta: { title: "登记走访" } },
		{ path: "/report", component: Report, meta: { title: "随手报" } },
		{ path: "/reports", component: Reports, meta: { title: "我的上报" } },
		{ path: "/requests", component: Requests, meta: { title: "社区吹哨" } },
		{ path: "/projects", component: Projects, meta: { title: "我领办的项目" } },
		{ path: "/:rest(.*)*", redirect: "/visits" },
	],
});

createApp(App).use(router).mount("#app");

if ("serviceWorker" in navigator && window.fulian_user?.name && window.fulian_user.name !== "Guest") {
	navigator.serviceWorker.register("/fulian/sw.js", { scope: "/fulian" }).catch(() => {});
}
