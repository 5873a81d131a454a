"""Which outputs a build makes, in the order their steps run."""

from __future__ import annotations

from .build_plan import BuildPlan
from .output_offline import OfflineCopy
from .output_pages import GeneratedPages
from .output_pdfs import Pdfs
from .output_records import Records
from .output_search import SearchIndex
from .site_build import Output


def outputs_for(plan: BuildPlan) -> list[Output]:
    outputs: list[Output] = [GeneratedPages()]
    if plan.pdfs:
        outputs.append(Pdfs())
    if plan.offline_zip:
        outputs.append(OfflineCopy())
    if plan.pagefind:
        outputs.append(SearchIndex())
    outputs.append(Records())
    return outputs
