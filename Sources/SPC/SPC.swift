// Statistical process control for batch processes: Shewhart, time-weighted and multivariate control
// charts, sigma estimators and their unbiasing constants, run rules, and process capability.
