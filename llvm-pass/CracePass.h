/* Shared declarations of the crace instrumentation pass. The pass rewrites a
 * module so that every shared memory access, atomic operation and function
 * entry/exit calls into the runtime through the hooks of crace_abi.h. */
#ifndef CRACE_PASS_H
#define CRACE_PASS_H

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

namespace crace {

/* Name of the constructor the pass adds; its presence marks a module that is
 * already instrumented. */
extern const char ModuleCtorName[];

/* The runtime hooks, declared extern_weak and nounwind in one module. */
struct Hooks {
	explicit Hooks(llvm::Module &M);

	llvm::Type *Int8PtrTy;
	llvm::IntegerType *Int32Ty;
	llvm::IntegerType *IntptrTy;

	llvm::FunctionCallee Init;
	/* Indexed by log2 of the access size: 1, 2, 4, 8, 16 bytes. */
	llvm::FunctionCallee Read[5], Write[5];
	llvm::FunctionCallee ReadRange, WriteRange;
	llvm::FunctionCallee FuncEntry, FuncExit;
	/* Indexed by log2 of the width in bytes: 8, 16, 32, 64 bits. */
	llvm::FunctionCallee AtomicLoad[4], AtomicStore[4];
	llvm::FunctionCallee AtomicCompareExchange[4];
	/* Indexed by AtomicRMWInst::BinOp, then width; null when the ABI has
	 * no hook for the operation. */
	llvm::FunctionCallee AtomicRMW[llvm::AtomicRMWInst::LAST_BINOP + 1][4];
	llvm::FunctionCallee ThreadFence, SignalFence;
	llvm::FunctionCallee Memcpy, Memmove, Memset;
};

/* Location for code that belongs to F as a whole: the line of its
 * DISubprogram, or none when F has no debug info. */
llvm::DebugLoc functionLocation(const llvm::Function &F);

/* An IRBuilder inserting before I whose instructions carry I's location, or
 * the function's line when I has none: reports need a file:line for every
 * hook call. */
class HookBuilder : public llvm::IRBuilder<> {
      public:
	explicit HookBuilder(llvm::Instruction *I);
};

/* Replaces the atomic instructions of F by runtime calls. Returns whether it
 * inserted any call. */
bool replaceAtomics(llvm::Function &F, const Hooks &H);

/* Instruments plain accesses, memory intrinsics and atomics of F, and
 * brackets F with function entry/exit when it needs them. */
void instrumentFunction(llvm::Function &F, const Hooks &H);

/* Adds the constructor that checks the runtime is loaded and initialises it. */
void createModuleCtor(llvm::Module &M, const Hooks &H);

} // namespace crace

#endif
