"""What the server accepts from a browser (chiptui.web.guards): the size a tab asks for, and the
requests of other sites it refuses. The server's own tests (test_serve.py) go through HTTP."""

from __future__ import annotations

from chiptui.web.guards import MAX_HEIGHT, MAX_WIDTH, refused, tab_size


def test_a_tabs_size_is_its_whole_numbers_within_bounds_each_else_the_default() -> None:
    assert tab_size({"width": "120", "height": "40"}) == (120, 40)
    assert tab_size({}) == (80, 24)
    assert tab_size({"width": "wide", "height": "30"}) == (80, 30)  # each value on its own
    assert tab_size({"width": "100", "height": "1.5"}) == (100, 24)
    assert tab_size({"width": str(10**6), "height": "-3"}) == (MAX_WIDTH, 1)
    assert tab_size({"width": "0", "height": str(10**6)}) == (1, MAX_HEIGHT)


def test_a_request_of_another_site_is_refused_and_one_of_this_server_is_not() -> None:
    assert refused("127.0.0.1", "localhost:8080", "/", None) is None
    assert refused("127.0.0.1", "localhost:8080", "/ws", "http://localhost:8080") is None
    assert refused("127.0.0.1", "rebound.example:8080", "/", None) == "chiptui serves loopback names only\n"
    assert refused("127.0.0.1", "localhost:8080", "/ws", "http://other.example") == "not a page of this server\n"
    assert refused("127.0.0.1", "localhost:8080", "/", "http://other.example") is None  # a page, not a tab
    assert refused("0.0.0.0", "machine.lan:8080", "/", None) is None  # served beyond loopback: any name
