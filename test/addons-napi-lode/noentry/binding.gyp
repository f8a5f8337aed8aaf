{
  "targets": [
    {
      "target_name": "noentry",
      "sources": ["noentry.c"]
    }
  ]
}
