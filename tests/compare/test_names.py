import pytest

from planparse.compare.config import settings
from planparse.compare.kinds import heading_role
from planparse.compare.names import actor_key, plain


@pytest.mark.parametrize(("name", "key"), settings("names")["examples"])
def test_normalisation_examples_in_the_data_hold(name: str, key: str) -> None:
    assert actor_key(name) == key


def test_plain_reads_full_and_half_width_alike() -> None:
    assert plain("（一）加强领导。") == plain("(一) 加强领导") == "一加强领导"


@pytest.mark.parametrize(("heading", "role"), settings("families")["role_examples"])
def test_heading_role_examples_in_the_data_hold(heading: str, role: str | None) -> None:
    assert heading_role(heading) == role
