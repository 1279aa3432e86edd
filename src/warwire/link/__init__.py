"""link stage: reports of one incident, across articles, linked into incidents."""
from warwire.link.linker import (
    incident_place,
    incident_reports,
    incident_status,
    link_reports,
)
from warwire.link.records import Figure, Incident, Report

__all__ = ["Figure", "Incident", "Report", "incident_place", "incident_reports", "incident_status", "link_reports"]
