"""The knowledge base: reviewed YAML files with a schema and stable ids."""

from crampcoach.knowledge.loader import (
    KnowledgeBase,
    KnowledgeError,
    load_knowledge,
    load_knowledge_from,
)

__all__ = ["KnowledgeBase", "KnowledgeError", "load_knowledge", "load_knowledge_from"]
