{
  "targets": [
    {
      "target_name": "numbers",
      "sources": ["numbers.c"]
    }
  ]
}
