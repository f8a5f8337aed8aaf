{
  "targets": [
    {
      "target_name": "store",
      "sources": ["store.c"]
    }
  ]
}
