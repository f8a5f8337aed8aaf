{
  "targets": [
    {
      "target_name": "ctor_register",
      "sources": ["ctor_register.c"]
    }
  ]
}
