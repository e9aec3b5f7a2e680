"""Generated tables, never edited by hand: the UN M49 regions (`m49.py`, from
`scripts/generate_m49.py`) and the world map's outlines (`outlines.py`, from
`scripts/generate_world_map.py`). Plain data: they import nothing of the project."""
