/// Statistical process control for batch processes.
public enum SPC {}
