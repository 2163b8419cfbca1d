"""The actor registry: known people, organisations and outlets, versioned data files.

    entries     ActorEntry, OutletEntry and the descriptor Vocabulary
    load        the shipped files and the user's file over them: ``load_registry``
    match       a written name to an entry: alias, surname, spelling-tolerant
    conflicts   an article's descriptors of a registered actor against the registry
    store       adding entries to the user's file (``claimledger registry add``)

The data, its sources and licence are described in the headers of
``claimledger/data/registry/actors.v1.yaml`` and ``outlets.v1.yaml``.
"""

from __future__ import annotations

from claimledger.registry.conflicts import DescriptorConflict
from claimledger.registry.entries import KINDS, ActorEntry, Kind, OutletEntry, Vocabulary
from claimledger.registry.load import Registry, load_registry, parse_file, user_registry_path
from claimledger.registry.match import Match, normalise
from claimledger.registry.store import add_entry

__all__ = [
    "KINDS",
    "ActorEntry",
    "DescriptorConflict",
    "Kind",
    "Match",
    "OutletEntry",
    "Registry",
    "Vocabulary",
    "add_entry",
    "load_registry",
    "normalise",
    "parse_file",
    "user_registry_path",
]
