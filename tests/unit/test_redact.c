/* Placeholder: replaced by the part's author before it lands. */
int main(void) { return 1; }
