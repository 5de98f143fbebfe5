import RelmodelCLI

Relmodel.main()
