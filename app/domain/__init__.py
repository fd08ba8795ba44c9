"""Value types and rules of the shop's domain. Nothing here touches Qt, a database session or the network."""
