// What the phone keeps, and for how long (a lost phone leaks nothing):
// - drafts: writes made without a connection, each with its idempotency key, until the server has
//   them (then deleted: a report's identities leave the phone the moment it is filed);
// - lists: the last lists seen (masked names only, as the server sends them), for offline use.
// Logging out deletes both and the service worker's page cache.
import { clear, createStore, del, entries, get, set } from "idb-keyval";
import { reactive } from "vue";
import { call, isNetworkError, messageOf } from "./api";
import { __ } from "./translate";

const drafts = createStore("fulian-field-drafts", "drafts");
const lists = createStore("fulian-field-lists", "lists");

export const queue = reactive({ pending: 0, conflicts: [], online: navigator.onLine, sending: false });

export function newKey() {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function refresh() {
	const all = await entries(drafts);
	queue.pending = all.filter(([, d]) => !d.conflict).length;
	queue.conflicts = all.filter(([, d]) => d.conflict).map(([key, d]) => ({ key, ...d }));
}

// Send now when online; keep it on the phone when there is no connection. Returns
// {sent: true, result} or {queued: true}; a refusal by the server is thrown.
export async function send(method, args, label) {
	const key = args.draft?.idempotency_key || newKey();
	if (navigator.onLine) {
		try {
			return { sent: true, result: await call(method, args) };
		} catch (error) {
			if (!isNetworkError(error)) throw error;
		}
	}
	// a plain copy: IndexedDB cannot store the page's reactive objects
	await set(key, { method, args: JSON.parse(JSON.stringify(args)), label, created: Date.now() }, drafts);
	await refresh();
	return { queued: true };
}

// Send what is queued, oldest first, each once; a refusal (a newer version on the server, a
// record no longer open) is kept as a conflict for her to see, never retried over the newer one.
export async function flush() {
	if (queue.sending || !navigator.onLine) return 0;
	queue.sending = true;
	let sent = 0;
	try {
		const all = (await entries(drafts))
			.filter(([, d]) => !d.conflict)
			.sort((a, b) => a[1].created - b[1].created);
		for (const [key, draft] of all) {
			try {
				await call(draft.method, draft.args);
				await del(key, drafts);
				sent += 1;
			} catch (error) {
				if (isNetworkError(error)) break;
				const stale = /Stale|TimestampMismatch/.test(error.exc_type || "");
				// keep what she typed for the conflict, but not a report's identities, a visit's
				// photo or its location
				const args = draft.args.draft
					? {
							draft: {
								...draft.args.draft,
								victims: undefined,
								photo: undefined,
								location: undefined,
							},
						}
					: draft.args;
				await set(
					key,
					{
						...draft,
						args,
						conflict: stale
							? __("A newer version is on the server; not overwritten: {0}", [messageOf(error)])
							: messageOf(error),
					},
					drafts,
				);
			}
		}
	} finally {
		queue.sending = false;
		await refresh();
	}
	return sent;
}

export async function discard(key) {
	await del(key, drafts);
	await refresh();
}

export async function remember(name, rows) {
	await set(name, JSON.parse(JSON.stringify(rows)), lists);
}

export async function recall(name) {
	return (await get(name, lists)) || [];
}

// The reply to a request the page itself made before the app started (index.html), once.
async function early(method) {
	const pending = window.fulian_early?.[method];
	if (!pending) return null;
	delete window.fulian_early[method];
	try {
		const response = await pending;
		return response?.ok ? (await response.json()).message : null;
	} catch {
		return null;
	}
}

// Load a list from the server (kept for offline use) or, offline, the last one kept.
export async function load(name, method, args = {}) {
	try {
		const rows = (await early(method)) ?? (await call(method, args));
		await remember(name, rows);
		return { rows, offline: false };
	} catch (error) {
		if (!isNetworkError(error)) throw error;
		return { rows: await recall(name), offline: true };
	}
}

export async function forgetEverything() {
	await clear(drafts);
	await clear(lists);
	if (window.caches) for (const name of await caches.keys()) await caches.delete(name);
	await refresh();
}

window.addEventListener("online", () => {
	queue.online = true;
	flush();
});
window.addEventListener("offline", () => {
	queue.online = false;
});
refresh().then(flush);
// and again now and then: a phone does not always say when the connection is back
setInterval(() => queue.pending && flush(), 15000);
