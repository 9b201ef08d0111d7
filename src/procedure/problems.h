/* problems.h: what went wrong with a case during a night (or with no case: the night's
 * notice), collected for the summary, stderr and the JSON run report. */
#ifndef HD_PROBLEMS_H
#define HD_PROBLEMS_H

typedef struct hd_problem {
  char *case_number;  /* NULL if the problem is not about one case */
  char *message;
} hd_problem;

/* Append prefix + msg (prefix may be ""); out of memory drops it. */
void problems_add(hd_problem **list, int *n, const char *case_number, const char *prefix,
                  const char *msg);
void problems_release(hd_problem *list, int n);

#endif
