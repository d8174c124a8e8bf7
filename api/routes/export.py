"""``GET /export``: the graph, or a filtered part of it, as a GraphML, GEXF, JSON Lines or node-link file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from api.deps import StoreDep
from graph.export import networkx_formats as nxf
from graph.export import selection

router = APIRouter(tags=["export"])


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    jsonl = "jsonl"
    node_link = "node-link"


@router.get("/export", response_class=FileResponse, response_model=None,
            responses={200: {"description": "The file, as an attachment named xunshi.<ext>.",
                             "content": {nxf.MEDIA_TYPES[f]: {} for f in nxf.FORMATS}},
                       422: {"description": "An unknown label or region, or a malformed date."}})
def export(store: StoreDep,
           fmt: Annotated[GraphFormat, Query(alias="format", description="graphml and gexf for Gephi (GraphML "
                                             "also for Cytoscape), node-link JSON for networkx and d3, jsonl for "
                                             "streaming into other tools.")] = GraphFormat.graphml,
           label: Annotated[list[str] | None, Query(description="Only nodes with one of these labels (repeat the "
                                                    "parameter, or Region,Issue).")] = None,
           region: Annotated[str | None, Query(max_length=100, description="Only the documents that mention this "
                                               "region (code or name) or a place in it, with what they mention.")]
           = None,
           since: Annotated[dt.date | None, Query(description="Only documents published on or after.")] = None,
           until: Annotated[dt.date | None, Query(description="Only documents published on or before.")] = None,
           text: Annotated[bool, Query(description="false leaves out the documents' text, original and record "
                                       "(much smaller files).")] = True,
           ) -> FileResponse:
    """The graph as a file for Gephi, Cytoscape or networkx; filters as in ``xunshi export`` (docs/export.md)."""
    graph = selection.select(store, labels=label, region=region, since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None, text=text)
    extension = nxf.EXTENSIONS[fmt.value]
    handle, path = tempfile.mkstemp(prefix="xunshi-export-", suffix=f".{extension}")
    os.close(handle)
    try:
        nxf.write(graph, path, fmt.value)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=nxf.MEDIA_TYPES[fmt.value], filename=f"xunshi.{extension}",
                        background=BackgroundTask(os.unlink, path))
