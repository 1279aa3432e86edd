"""events stage: mentions in, event records out (see :mod:`warwire.events.assemble`)."""
