#include "lode.h"

int main(int argc, char** argv) { return lode::Start(argc, argv); }
