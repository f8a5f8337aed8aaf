{
  "targets": [
    {
      "target_name": "keys",
      "sources": ["keys.c"]
    }
  ]
}
