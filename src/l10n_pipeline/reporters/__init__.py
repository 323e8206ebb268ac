"""Machine report formats for CI systems: JUnit XML, SARIF 2.1.0, GitHub workflow commands."""
