{
  "targets": [
    {
      "target_name": "legacy",
      "sources": ["legacy.c"]
    }
  ]
}
