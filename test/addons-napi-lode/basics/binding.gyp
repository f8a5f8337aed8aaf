{
  "targets": [
    {
      "target_name": "basics",
      "sources": ["basics.c"]
    }
  ]
}
