"""`plan.graph`, `plan.raci()`, the document graph and its GraphML: `planparse parse --format graphml`."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import networkx as nx
import pytest

import planparse
from planparse.cli import main
from planparse.graph import build_graph, graphml_text
from planparse.graph_items import plan_graphml
from planparse.model import Actor, Assignee, Document, Duty, Plan, Relation, Section, Source, TimeExpression

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
REAL = CORPORA / "000_0122bd16021b5f2c.txt"


def section(sid: str, parent: str | None, level: int, label: str, title: str, span: tuple[int, int]) -> Section:
    return Section(sid, parent, level, label, None, title, span, "test", (span[0], span[0] + 4))


def hand_plan() -> Plan:
    """A plan with every kind of node and edge, as the duty extractor will give it."""
    return Plan(
        id="p1", title="某某区防汛应急预案", issuer=None, span=(0, 400),
        sections=(section("p1.s1", None, 1, "一、", "组织体系", (10, 200)),
                  section("p1.s2", "p1.s1", 2, "（一）", "指挥部", (20, 200)),
                  section("p1.s3", None, 1, "1", "总则", (200, 400))),
        actors=(Actor("p1.a1", "防汛指挥部", "group", aliases=("指挥部", "区防指")),
                Actor("p1.a2", "区应急局", "office"),
                Actor("p1.a3", "区水务局", "office"),
                Actor("p1.a4", "各街道", "collective")),
        times=(TimeExpression("p1.t1", "6月1日前", (210, 215), "DATE", value="XXXX-06-01", mod="BEFORE",
                              role="deadline", section="p1.s3"),
               TimeExpression("p1.t2", "汛期", (30, 32), "DATE", anchor="汛期", role="period")),
        duties=(Duty("p1.d1", "制定防汛预案并组织演练", (212, 240),
                     assignees=(Assignee("p1.a2", "lead"), Assignee("p1.a3", "support"),
                                Assignee("p1.a1", "accountable"), Assignee("p1.a4", "informed")),
                     modality="must", deadline="p1.t1", section="p1.s3"),
                Duty("p1.d2", "汛期实行24小时值班，发现险情立即上报区防汛指挥部并组织人员转移", (40, 80),
                     assignees=(Assignee("p1.a3"), Assignee("p1.a3", "accountable")), section="p1.s2"),
                Duty("p1.d3", "加强宣传", (90, 94))),
        relations=(Relation("member_of", "p1.a2", "p1.a1", role="成员", span=(25, 29)),
                   Relation("reports_to", "p1.a2", "p1.a1", when="p1.t2"),
                   Relation("member_of", "p1.a3", "p1.a1", role="成员", span=(31, 35))),
    )


def edges_of(graph: nx.MultiDiGraph, kind: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["type"] == kind]


def test_nodes_are_typed_and_labelled():
    graph = hand_plan().graph
    assert Counter(d["type"] for _, d in graph.nodes(data=True)) == {
        "actor": 4, "duty": 3, "time": 2, "section": 3}
    assert all(d["label"] and d["plan"] == "p1" for _, d in graph.nodes(data=True))
    assert graph.nodes["p1.a1"] == {"plan": "p1", "type": "actor", "label": "防汛指挥部", "name": "防汛指挥部",
                                    "kind": "group", "aliases": '["指挥部", "区防指"]'}
    assert graph.nodes["p1.d1"] == {"plan": "p1", "type": "duty", "label": "制定防汛预案并组织演练",
                                    "action": "制定防汛预案并组织演练", "modality": "must",
                                    "span_start": 212, "span_end": 240}
    assert graph.nodes["p1.d2"]["label"].endswith("…") and len(graph.nodes["p1.d2"]["label"]) == 24
    assert "modality" not in graph.nodes["p1.d2"]
    assert graph.nodes["p1.t1"]["timex_type"] == "DATE" and graph.nodes["p1.t1"]["value"] == "XXXX-06-01"
    assert graph.nodes["p1.s2"]["label"] == "（一）指挥部" and graph.nodes["p1.s3"]["label"] == "1 总则"
    assert graph.nodes["p1.s2"]["numbering"] == "（一）" and graph.nodes["p1.s2"]["level"] == 2


def test_edges_are_typed():
    graph = hand_plan().graph
    assert Counter(d["type"] for _, _, d in graph.edges(data=True)) == {
        "member_of": 2, "reports_to": 1, "assigned": 6, "due": 1, "in_section": 4}
    assigned = {(u, v, d["role"]) for u, v, d in edges_of(graph, "assigned")}
    assert ("p1.a2", "p1.d1", "lead") in assigned and ("p1.a3", "p1.d2", "accountable") in assigned
    assert [(u, v) for u, v, _ in edges_of(graph, "due")] == [("p1.d1", "p1.t1")]
    assert {(u, v) for u, v, _ in edges_of(graph, "in_section")} == {
        ("p1.s2", "p1.s1"), ("p1.d1", "p1.s3"), ("p1.d2", "p1.s2"), ("p1.t1", "p1.s3")}
    # Two links between the same pair stay two edges, each with its own attributes.
    between = [d for d in graph.get_edge_data("p1.a2", "p1.a1").values()]
    assert {"type": "member_of", "role": "成员", "span_start": 25, "span_end": 29} in between
    assert {"type": "reports_to", "when": "p1.t2"} in between


def test_links_to_ids_outside_the_plan_are_left_out():
    plan = replace(hand_plan(), duties=(Duty("p1.d9", "组织演练", (1, 5), (Assignee("p1.a99"),), deadline="p1.t99"),))
    graph = plan.graph
    assert "p1.a99" not in graph and "p1.t99" not in graph
    assert not edges_of(graph, "assigned") and not edges_of(graph, "due")


def test_values_are_graphml_scalars():
    graph = hand_plan().graph
    items = [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)] + [graph.graph]
    assert all(isinstance(v, str | int | float | bool) for d in items for v in d.values())


def test_graph_is_cached_on_the_frozen_plan():
    plan = hand_plan()
    assert plan.graph is plan.graph
    assert plan == hand_plan()
    with pytest.raises(FrozenInstanceError):
        plan.title = "x"  # type: ignore[misc]


def round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> nx.MultiDiGraph:
    path = tmp_path / "plan.graphml"
    nx.write_graphml(graph, path)
    return nx.read_graphml(path, force_multigraph=True)


def assert_same(read: nx.MultiDiGraph, graph: nx.MultiDiGraph) -> None:
    assert (read.number_of_nodes(), read.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    # The reader adds node_default and edge_default, the GraphML key defaults (none here).
    assert {k: v for k, v in read.graph.items() if not k.endswith("_default")} == graph.graph


def test_graphml_round_trip(tmp_path):
    graph = hand_plan().graph
    assert_same(round_trip(graph, tmp_path), graph)


def test_graphml_round_trip_of_a_real_document(tmp_path):
    graph = planparse.parse(REAL).graph
    assert_same(round_trip(graph, tmp_path), graph)


def test_raci_table():
    table = hand_plan().raci()
    assert list(table.index) == ["防汛指挥部", "区应急局", "区水务局", "各街道"]
    assert list(table.columns) == ["p1.d1", "p1.d2", "p1.d3"]
    assert table.to_dict(orient="index") == {
        "防汛指挥部": {"p1.d1": "A", "p1.d2": "", "p1.d3": ""},
        "区应急局": {"p1.d1": "R", "p1.d2": "", "p1.d3": ""},
        "区水务局": {"p1.d1": "C", "p1.d2": "RA", "p1.d3": ""},
        "各街道": {"p1.d1": "I", "p1.d2": "", "p1.d3": ""},
    }


def test_raci_of_a_plan_without_duties_has_a_row_per_actor():
    plan = planparse.parse(REAL).plans[0]
    table = replace(plan, duties=()).raci()
    assert table.shape == (len(plan.actors), 0)


def test_document_graph_holds_every_plan():
    doc = planparse.parse(REAL)
    graph = doc.graph
    assert len(doc.plans) > 1
    assert graph.number_of_nodes() == sum(p.graph.number_of_nodes() for p in doc.plans)
    assert graph.number_of_edges() == sum(p.graph.number_of_edges() for p in doc.plans)
    assert Counter(d["plan"] for _, d in graph.nodes(data=True)) == {
        p.id: p.graph.number_of_nodes() for p in doc.plans}


def test_real_file_actors_relations_and_sections():
    doc = planparse.parse(REAL)
    for plan in doc.plans:
        graph = plan.graph
        assert {n for n, d in graph.nodes(data=True) if d["type"] == "actor"} == {a.id for a in plan.actors}
        assert {n for n, d in graph.nodes(data=True) if d["type"] == "section"} == {s.id for s in plan.sections}
        relations = Counter(r.type for r in plan.relations)
        assert Counter(d["type"] for *_, d in graph.edges(data=True) if d["type"] in relations) == relations
        assert {n for n, d in graph.nodes(data=True) if d["type"] == "duty"} == {d.id for d in plan.duties}
        placed = [*(s.parent for s in plan.sections), *(t.section for t in plan.times),
                  *(d.section for d in plan.duties)]
        assert len(edges_of(graph, "in_section")) == sum(p is not None for p in placed)


def test_command_writes_graphml(capsys):
    assert main(["parse", str(REAL), "--format", "graphml"]) == 0
    out = capsys.readouterr().out
    graph = nx.read_graphml(io.BytesIO(out.encode("utf-8")), force_multigraph=True)
    doc = planparse.parse(REAL)
    assert {n for n, d in graph.nodes(data=True) if d["type"] == "actor"} == {a.id for p in doc.plans for a in p.actors}
    assert graph.graph["source"] == str(REAL) and all("plan" in d for _, d in graph.nodes(data=True))
    assert "维稳安全工作领导小组" in out


def test_command_graphml_takes_one_file(capsys):
    assert main(["parse", str(REAL), str(REAL), "--format", "graphml"]) == 2
    assert "one FILE" in capsys.readouterr().err


def test_a_plan_given_as_its_json_gives_the_same_graph():
    plan = hand_plan()
    graph = build_graph(plan.to_dict())
    assert dict(graph.nodes(data=True)) == dict(plan.graph.nodes(data=True))
    assert sorted(graph.edges(keys=True, data=True)) == sorted(plan.graph.edges(keys=True, data=True))


def gephi_labels(text: str) -> dict[str, str]:
    """The node labels Gephi's GraphML importer takes: from the key named `label`, and from the key
    with id `d3` (yEd's label key), the later data element of a node winning."""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text.encode("utf-8"))
    label_keys = {k.get("id") for k in root.iterfind("g:key[@for='node']", ns)
                  if k.get("id") == "d3" or k.get("attr.name") == "label"}
    labels = {}
    for node in root.iterfind("g:graph/g:node", ns):
        for data in node.iterfind("g:data", ns):
            if data.get("key") in label_keys:
                labels[node.get("id")] = data.text
    return labels


@pytest.mark.parametrize("graph", [
    lambda: hand_plan().graph, lambda: replace(hand_plan(), title=None).graph,
    lambda: planparse.parse(REAL).graph, lambda: build_graph(hand_plan().to_dict())])
def test_gephi_takes_the_label(graph):
    graph = graph()
    assert gephi_labels(graphml_text(graph)) == {n: d["label"] for n, d in graph.nodes(data=True)}


def test_empty_document_graph():
    doc = Document(Source("x.txt", "txt", "utf-8", "0" * 64, 0), "", ())
    assert doc.graph.number_of_nodes() == 0
    assert nx.read_graphml(io.BytesIO(graphml_text(doc.graph).encode("utf-8"))).number_of_nodes() == 0


def _networkx_graphml(graph: nx.Graph) -> str:
    out = io.BytesIO()
    nx.write_graphml_xml(graph.copy(), out)
    return out.getvalue().decode("utf-8")


def test_graphml_is_what_networkx_writes():
    doc = planparse.parse(REAL)
    for graph in [plan.graph for plan in doc.plans] + [doc.graph]:
        assert graphml_text(graph) == _networkx_graphml(graph)
    small = nx.Graph(id="g1", name='引号"与&符号')
    small.add_node(1, weight=1.5, done=True, note="a<b>&c\n第二行\t制表")
    small.add_node(2)
    small.add_edge(1, 2, kind="e")
    assert graphml_text(small) == _networkx_graphml(small)
    assert graphml_text(nx.MultiDiGraph()) == _networkx_graphml(nx.MultiDiGraph())


def test_graphml_refuses_values_it_cannot_type():
    graph = nx.DiGraph()
    graph.add_node("a", spans=[1, 2])
    with pytest.raises(TypeError, match="spans"):
        graphml_text(graph)


def test_a_plans_graphml_without_networkx_is_the_graphs():
    for plan in planparse.parse(REAL).to_dict()["plans"]:
        assert plan_graphml(plan) == graphml_text(build_graph(plan))
