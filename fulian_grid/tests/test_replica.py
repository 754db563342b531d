"""Where a request reads when the site has a replica (replica.py), with the replica's state stubbed.
The real primary and replica, over HTTP, are scripts/replica.sh (counted steps of scripts/test)."""

from unittest.mock import patch

import frappe

from fulian_grid import replica
from fulian_grid.tests.utils import FulianTestCase

FRESH = {"fresh": True, "reason": "", "lag": 0, "detail": ""}
STOPPED = {"fresh": False, "reason": "stopped", "lag": None, "detail": ""}
BEHIND = {"fresh": False, "reason": "behind", "lag": 42, "detail": ""}


class TestReplicaDecisions(FulianTestCase):
	def setUp(self):
		self.saved = {k: frappe.local.conf.get(k) for k in ("read_from_replica", "replica_host")}
		frappe.local.conf.read_from_replica = 1
		frappe.local.conf.replica_host = "replica.invalid"
		frappe.local.flags.pop("fulian_replica", None)
		frappe.local.flags.pop("fulian_replica_noticed", None)
		frappe.cache.delete_value(replica.STATUS_KEY)
		frappe.cache.delete_value(f"{replica.WROTE_KEY}|{frappe.session.user}")
		frappe.local.message_log = []

	def tearDown(self):
		frappe.local.flags.pop("fulian_replica", None)
		frappe.local.flags.pop("fulian_replica_noticed", None)
		frappe.cache.delete_value(f"{replica.WROTE_KEY}|{frappe.session.user}")
		frappe.cache.delete_value(replica.STATUS_KEY)
		frappe.local.conf.update(self.saved)
		frappe.local.message_log = []

	def decide(self, state):
		with patch.object(replica, "probe", return_value=state):
			replica.decide()
		return frappe.local.flags.fulian_replica, frappe.local.conf.read_from_replica

	def test_fresh_replica_is_read(self):
		self.assertEqual(self.decide(FRESH), ("replica", True))
		replica.notice()
		self.assertEqual(frappe.local.message_log, [])

	def test_stopped_replica_falls_back_with_a_notice(self):
		where, on = self.decide(STOPPED)
		self.assertFalse(on)
		self.assertEqual(where["reason"], "stopped")
		frappe.local.lang = "zh"
		replica.notice()
		replica.notice()  # once per request
		self.assertEqual(len(frappe.local.message_log), 1)
		self.assertIn("副本数据库已停止同步", str(frappe.local.message_log[0]))

	def test_lagging_replica_says_how_far(self):
		self.decide(BEHIND)
		self.assertIn("42", replica.stale_notice())

	def test_own_write_reads_the_primary(self):
		replica.note_write(frappe._dict(doctype="Screening Ledger"))
		self.assertEqual(self.decide(FRESH), ("own_write", False))

	def test_a_log_row_is_not_a_write_to_read_back(self):
		replica.note_write(frappe._dict(doctype="Access Log"))
		replica.note_write(frappe._dict(doctype="Identity Access Log"))
		self.assertEqual(self.decide(FRESH), ("replica", True))

	def test_state_is_cached(self):
		with patch.object(replica, "probe", return_value=FRESH) as probe:
			replica.status()
			replica.status()
		self.assertEqual(probe.call_count, 1)

	def test_without_a_replica_nothing_changes(self):
		frappe.local.conf.read_from_replica = 0
		replica.decide()
		self.assertIsNone(frappe.local.flags.get("fulian_replica"))
		replica.note_write(frappe._dict(doctype="Screening Ledger"))
		self.assertFalse(replica.wrote_recently())
