{
  "targets": [
    {
      "target_name": "threads",
      "sources": ["threads.c"]
    }
  ]
}
