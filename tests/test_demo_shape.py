from collections import Counter

from fulian_grid.demo.shape import build_tree, walk


def test_scale_one_is_a_city_of_twelve_thousand_nodes():
	nodes = list(walk(build_tree(1)))
	levels = Counter(node.level for node in nodes)
	assert levels["City"] == 1 and levels["County"] == 7 and levels["Township"] == 56
	assert levels["Community"] + levels["Village"] == 672
	assert levels["Grid"] == 2016 and levels["Micro-grid"] == 10080
	assert len(nodes) == 12832


def test_nested_set_numbers_are_consistent():
	root = build_tree(1)
	nodes = list(walk(root))
	assert (root.lft, root.rgt) == (1, 2 * len(nodes))
	by_code = {node.code: node for node in nodes}
	assert len(by_code) == len(nodes)  # codes are unique
	for node in nodes:
		assert node.lft < node.rgt
		if node.parent:
			parent = by_code[node.parent]
			assert parent.lft < node.lft and node.rgt < parent.rgt
		if not node.children:
			assert node.rgt == node.lft + 1


def test_deterministic_for_a_seed_and_scaling():
	first = [(n.code, n.households) for n in walk(build_tree(1, seed=3))]
	assert first == [(n.code, n.households) for n in walk(build_tree(1, seed=3))]
	assert first != [(n.code, n.households) for n in walk(build_tree(1, seed=4))]
	assert sum(1 for n in walk(build_tree(2)) if n.level == "Township") == 112


def test_paths_follow_the_tree():
	root = build_tree(1)
	nodes = {node.code: node for node in walk(root)}
	paths = [node.path for node in nodes.values()]
	assert len(set(paths)) == len(paths)
	for node in nodes.values():
		if node.parent:
			parent = nodes[node.parent]
			assert node.path.startswith(parent.path) and node.path.count("/") == parent.path.count("/") + 1
